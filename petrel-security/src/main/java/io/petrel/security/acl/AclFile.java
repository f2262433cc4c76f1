package io.petrel.security.acl;

import io.petrel.api.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses ACL files: Mosquitto's format, so that its files work unchanged, and Petrel's additions.
 * <pre>
 * # Mosquitto
 * topic read $SYS/#                 before any "user" line: clients without a user name
 * user alice                        the lines below are for alice
 * topic readwrite home/alice/#      read = subscribe, write = publish, readwrite = both
 * topic deny home/alice/secret      deny both, whatever else allows
 * pattern write sensors/%u/#        every client; %u user name, %c client id
 *
 * # Petrel
 * org acme                          the lines below are for organization acme
 * allow subscribe device/+/status
 * deny publish device/+/status
 * allow both %o/shared/#            %o organization; publish, subscribe or both
 * </pre>
 * A {@code pattern} line always applies to everyone. An {@code allow} or {@code deny} line applies to the
 * current section: everyone before any {@code user} or {@code org} line.
 */
public final class AclFile {
    private AclFile() {
    }

    /** Reads a file. */
    public static List<AclRule> read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    /**
     * Parses a file's text.
     *
     * @throws IllegalArgumentException naming the line of the first mistake
     */
    public static List<AclRule> parse(String text) {
        List<AclRule> rules = new ArrayList<>();
        AclRule.Who who = null;
        String name = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String keyword = words[0].toLowerCase(Locale.ROOT);
            String rest = words.length > 1 ? words[1].strip() : "";
            try {
                switch (keyword) {
                    case "user", "org" -> {
                        require(!rest.isEmpty(), "a name after " + keyword);
                        who = keyword.equals("user") ? AclRule.Who.USER : AclRule.Who.ORGANIZATION;
                        name = rest;
                    }
                    case "topic" -> rules.add(mosquittoRule(rest, who == null ? AclRule.Who.ANONYMOUS : who, name));
                    case "pattern" -> rules.add(mosquittoRule(rest, AclRule.Who.EVERYONE, null));
                    case "allow", "deny" -> rules.add(petrelRule(keyword.equals("allow"), rest,
                            who == null ? AclRule.Who.EVERYONE : who, name));
                    default -> throw new IllegalArgumentException("unknown keyword \"" + words[0]
                            + "\" (expected user, org, topic, pattern, allow or deny)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ACL line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    private static AclRule mosquittoRule(String rest, AclRule.Who who, @Nullable String name) {
        String[] words = rest.split("\\s+", 2);
        String access = "readwrite";
        String topic = rest;
        if (words.length == 2 && List.of("read", "write", "readwrite", "deny").contains(words[0])) {
            access = words[0];
            topic = words[1].strip();
        }
        requireFilter(topic);
        return switch (access) {
            case "read" -> new AclRule(true, false, true, topic, who, name);
            case "write" -> new AclRule(true, true, false, topic, who, name);
            case "deny" -> new AclRule(false, true, true, topic, who, name);
            default -> new AclRule(true, true, true, topic, who, name);
        };
    }

    private static AclRule petrelRule(boolean allow, String rest, AclRule.Who who, @Nullable String name) {
        String[] words = rest.split("\\s+", 2);
        require(words.length == 2, "allow|deny publish|subscribe|both <topic>");
        String topic = words[1].strip();
        requireFilter(topic);
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "publish" -> new AclRule(allow, true, false, topic, who, name);
            case "subscribe" -> new AclRule(allow, false, true, topic, who, name);
            case "both" -> new AclRule(allow, true, true, topic, who, name);
            default -> throw new IllegalArgumentException("expected publish, subscribe or both, not " + words[0]);
        };
    }

    private static void requireFilter(String topic) {
        require(!topic.isEmpty(), "a topic");
        // Placeholders stand for one level's worth of text; check the shape with a stand-in value.
        require(Topics.isValidFilter(topic.replace("%u", "u").replace("%c", "c").replace("%o", "o")),
                "invalid topic filter " + topic);
    }

    private static void require(boolean condition, String expected) {
        if (!condition) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
