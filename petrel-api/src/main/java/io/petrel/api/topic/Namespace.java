package io.petrel.api.topic;

import io.petrel.api.Principal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an organization's topics live in the broker's one topic tree: organizations are mounted like file
 * systems. The default organization of a single-tenant install is mounted at the root, so its topics are
 * stored as clients write them and cost nothing to map. Every other organization {@code acme} is mounted at
 * {@code $org/acme/}: its client topic {@code a/b} is stored as {@code $org/acme/a/b}.
 *
 * <p>Isolation follows from three facts. Every topic and filter of a mounted organization gets its prefix,
 * so its clients can name nothing outside it. Clients at the root may not name {@code $org/...}, and a
 * root filter that starts with a wildcard ({@code #}, {@code +/#}, {@code $share/g/#}) never matches a
 * topic that starts with {@code $} [MQTT-4.7.2-1], so the root never sees a mounted organization. {@code $SYS}
 * is global: every client may subscribe to it, none may publish to it.
 *
 * <p>Operators see the tree unmapped and reach an organization explicitly through {@code $org/{name}/...}.
 */
public final class Namespace {
    /** The level under which organizations other than the default are mounted. */
    public static final String ORG_ROOT = "$org";
    private static final String SYS = "$SYS";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Namespace ROOT = new Namespace("", false);
    private static final Namespace OPERATOR = new Namespace("", true);

    private final String prefix;
    private final boolean operator;

    private Namespace(String prefix, boolean operator) {
        this.prefix = prefix;
        this.operator = operator;
    }

    /** The namespace a principal sees. */
    public static Namespace of(Principal principal) {
        return principal.operator() ? OPERATOR : organization(principal.organization());
    }

    /**
     * The namespace of an organization.
     *
     * @throws IllegalArgumentException if the name is not a valid organization name
     */
    public static Namespace organization(String name) {
        if (Principal.DEFAULT_ORGANIZATION.equals(name)) {
            return ROOT;
        }
        requireValidName(name);
        return new Namespace(ORG_ROOT + "/" + name + "/", false);
    }

    /** Whether a string is a valid organization name: lower-case letters, digits, '.', '_' and '-'. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Fails with a clear message unless the name is a valid organization name. */
    public static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid organization name \"" + name
                    + "\": use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Whether topics pass unmapped: the default organization and operators. */
    public boolean isRoot() {
        return prefix.isEmpty();
    }

    /** The internal prefix, empty at the root. */
    public String prefix() {
        return prefix;
    }

    /**
     * The internal topic a client's PUBLISH goes to, or null if the client may not publish there: to
     * {@code $SYS}, or at the root to another organization.
     */
    public @Nullable String topicIn(String topic) {
        if (operator) {
            return topic;
        }
        if (isSys(topic) || prefix.isEmpty() && isOrgTree(topic)) {
            return null;
        }
        return prefix.isEmpty() ? topic : prefix.concat(topic);
    }

    /**
     * The internal filter of a client's subscription (without any {@code $share/} prefix), or null if the
     * client may not subscribe to it. {@code $SYS} filters stay global.
     */
    public @Nullable String filterIn(String filter) {
        if (operator || isSys(filter)) {
            return filter;
        }
        if (prefix.isEmpty()) {
            return isOrgTree(filter) ? null : filter;
        }
        return prefix.concat(filter);
    }

    /** The topic a client sees for an internal topic it received. */
    public String topicOut(String internal) {
        return !prefix.isEmpty() && internal.startsWith(prefix) ? internal.substring(prefix.length()) : internal;
    }

    /**
     * The name of the client's session in the broker, or null if the client may not use this client id. Client
     * ids are unique per organization: a mounted organization's ids get its prefix, and clients at the root may
     * not use an id under {@code $org/}, which would name, and take over, another organization's session.
     */
    public @Nullable String sessionKey(String clientId) {
        if (operator) {
            return clientId;
        }
        if (prefix.isEmpty()) {
            return isOrgTree(clientId) ? null : clientId;
        }
        return prefix.concat(clientId);
    }

    private static boolean isSys(String topic) {
        return topic.startsWith(SYS) && (topic.length() == SYS.length() || topic.charAt(SYS.length()) == '/');
    }

    private static boolean isOrgTree(String topic) {
        return topic.startsWith(ORG_ROOT)
                && (topic.length() == ORG_ROOT.length() || topic.charAt(ORG_ROOT.length()) == '/');
    }

    @Override
    public String toString() {
        return operator ? "Namespace[operator]" : "Namespace[" + (prefix.isEmpty() ? "/" : prefix) + "]";
    }
}
