package io.petrel.api.topic;

/**
 * Validation and matching of topic names and filters. Matching here walks one filter against one topic; the
 * broker's subscription index does the same for many filters at once.
 */
public final class Topics {
    /** The longest topic or filter the UTF-8 string encoding can carry. */
    public static final int MAX_LENGTH = 65_535;

    private Topics() {
    }

    /**
     * Whether a string is a valid topic name for a PUBLISH: at least one character [MQTT-4.7.3-1], no
     * wildcard characters [MQTT-3.3.2-2] and no U+0000 [MQTT-4.7.3-2].
     */
    public static boolean isValidTopicName(String topic) {
        if (topic.isEmpty() || topic.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string is a valid topic filter: at least one character [MQTT-4.7.3-1], {@code #} only as the
     * whole last level [MQTT-4.7.1-1], {@code +} only as a whole level [MQTT-4.7.1-2], no U+0000.
     */
    public static boolean isValidFilter(String filter) {
        int length = filter.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = filter.charAt(i);
            boolean levelStart = i == 0 || filter.charAt(i - 1) == '/';
            boolean levelEnd = i == length - 1 || filter.charAt(i + 1) == '/';
            if (c == '#' && (!levelStart || i != length - 1)) {
                return false;
            }
            if (c == '+' && (!levelStart || !levelEnd)) {
                return false;
            }
            if (c == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a filter contains a wildcard level. */
    public static boolean hasWildcard(String filter) {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /**
     * Whether a valid filter matches a valid topic name. {@code #} also matches the parent level
     * [MQTT-4.7.1-2], and a filter that starts with a wildcard never matches a topic that starts with
     * {@code $} [MQTT-4.7.2-1].
     */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (f < fl) {
            int fEnd = levelEnd(filter, f);
            if (fEnd - f == 1 && filter.charAt(f) == '#') {
                return true;
            }
            if (t > tl) {
                return false;
            }
            int tEnd = levelEnd(topic, t);
            boolean plus = fEnd - f == 1 && filter.charAt(f) == '+';
            if (!plus && !filter.regionMatches(f, topic, t, Math.max(fEnd - f, tEnd - t))) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
        return t > tl;
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }
}
