package io.petrel.security.acl;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ACL rule: whether an action on topics matching a pattern is allowed or denied, and for whom.
 *
 * @param allow true to allow, false to deny
 * @param publish whether the rule covers publishing
 * @param subscribe whether the rule covers subscribing (and so receiving)
 * @param pattern a topic filter, possibly with {@code %u} (user name), {@code %c} (client id) and {@code %o}
 *     (organization) placeholders
 * @param who whom the rule applies to
 * @param name the user or organization name for {@link Who#USER} and {@link Who#ORGANIZATION}, else null
 */
public record AclRule(boolean allow, boolean publish, boolean subscribe, String pattern, Who who,
        @Nullable String name) {

    /** Whom a rule applies to. */
    public enum Who {
        /** Every client ({@code pattern} lines and Petrel rules outside any section). */
        EVERYONE,
        /** Clients without a user name ({@code topic} lines before the first {@code user} line, as in Mosquitto). */
        ANONYMOUS,
        /** Clients whose user name, or principal name, is {@link #name()}. */
        USER,
        /** Clients of organization {@link #name()}. */
        ORGANIZATION
    }

    public AclRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(who, "who");
    }

    /** Whether the rule has placeholders to fill per client. */
    public boolean hasPlaceholders() {
        return pattern.indexOf('%') >= 0;
    }

    /** Whether the rule applies to a client. */
    public boolean appliesTo(ClientInfo client) {
        Principal principal = client.principal();
        return switch (who) {
            case EVERYONE -> true;
            case ANONYMOUS -> client.username() == null;
            case USER -> name.equals(client.username()) || name.equals(principal.name());
            case ORGANIZATION -> name.equals(principal.organization());
        };
    }

    /**
     * The pattern with the client's values in place of the placeholders, or null when a value is missing (no
     * user name for {@code %u}) or could widen the pattern: a value with {@code +}, {@code #} or {@code /}
     * would let a client choose its own wildcard, so such a client gets nothing from an allow rule and
     * everything from a deny rule, as in Mosquitto.
     */
    public @Nullable String resolve(ClientInfo client) {
        if (!hasPlaceholders()) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length()) {
                String value = switch (pattern.charAt(i + 1)) {
                    case 'u' -> client.username() != null ? client.username() : null;
                    case 'c' -> client.clientId();
                    case 'o' -> client.principal().organization();
                    default -> "%" + pattern.charAt(i + 1);
                };
                if (value == null || unsafe(value)) {
                    return null;
                }
                out.append(value);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean unsafe(String value) {
        return value.isEmpty() || value.indexOf('+') >= 0 || value.indexOf('#') >= 0 || value.indexOf('/') >= 0;
    }
}
