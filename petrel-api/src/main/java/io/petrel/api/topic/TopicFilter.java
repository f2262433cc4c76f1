package io.petrel.api.topic;

import org.jspecify.annotations.Nullable;

/**
 * A subscription's topic filter, parsed once: the filter that topics are matched against and, for a shared
 * subscription {@code $share/{group}/{filter}}, the share group.
 *
 * @param filter the filter that topic names are matched against
 * @param shareGroup the share group name, or null for an ordinary subscription
 */
public record TopicFilter(String filter, @Nullable String shareGroup) {
    private static final String SHARE_PREFIX = "$share/";

    /**
     * Parses a filter as a client sends it in a SUBSCRIBE or UNSUBSCRIBE.
     *
     * @throws IllegalArgumentException with a reason fit for a client if the filter is invalid
     */
    public static TopicFilter parse(String raw) {
        if (!raw.startsWith(SHARE_PREFIX)) {
            if (!Topics.isValidFilter(raw)) {
                throw new IllegalArgumentException("invalid topic filter");
            }
            return new TopicFilter(raw, null);
        }
        int slash = raw.indexOf('/', SHARE_PREFIX.length());
        if (slash < 0) {
            throw new IllegalArgumentException("a shared subscription needs a share name and a filter");
        }
        String group = raw.substring(SHARE_PREFIX.length(), slash);
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2] the share name is at least one character and has no wildcard or '/'.
        if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
            throw new IllegalArgumentException("invalid share name");
        }
        String filter = raw.substring(slash + 1);
        // [MQTT-4.8.2-2] the filter after the share name is an ordinary, valid filter.
        if (!Topics.isValidFilter(filter)) {
            throw new IllegalArgumentException("invalid topic filter in shared subscription");
        }
        return new TopicFilter(filter, group);
    }

    /** Whether this is a shared subscription. */
    public boolean isShared() {
        return shareGroup != null;
    }

    /** The filter as the client wrote it, including any {@code $share/{group}/} prefix. */
    public String raw() {
        return shareGroup == null ? filter : SHARE_PREFIX + shareGroup + "/" + filter;
    }
}
