package io.petrel.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The MQTT 5 properties a message can carry, given on the command line of {@code petrel pub}. */
public final class MessageOptions {
    @Option(names = "--user-property", paramLabel = "NAME=VALUE",
            description = "MQTT 5 user property; repeatable, and a name may repeat.")
    List<String> userProperties = new ArrayList<>();

    @Option(names = "--response-topic", description = "MQTT 5 response topic.")
    @Nullable String responseTopic;

    @Option(names = "--correlation-data", description = "MQTT 5 correlation data (as UTF-8 text).")
    @Nullable String correlationData;

    @Option(names = {"-e", "--message-expiry"}, paramLabel = "SECONDS", description = "MQTT 5 message expiry interval.")
    @Nullable Long messageExpiry;

    @Option(names = "--content-type", description = "MQTT 5 content type.")
    @Nullable String contentType;

    /** The properties, checked; throws with a message for the user. */
    public Properties properties() {
        List<UserProperty> parsed = new ArrayList<>();
        for (String entry : userProperties) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--user-property takes NAME=VALUE, not '" + entry + "'");
            }
            parsed.add(new UserProperty(entry.substring(0, eq), entry.substring(eq + 1)));
        }
        if (messageExpiry != null && (messageExpiry < 0 || messageExpiry > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("--message-expiry must be between 0 and 4294967295");
        }
        return new Properties(List.copyOf(parsed), responseTopic,
                correlationData == null ? null : correlationData.getBytes(StandardCharsets.UTF_8),
                messageExpiry, contentType, false);
    }

    /** A user property: names may repeat, and order is kept. */
    public record UserProperty(String name, String value) {
    }

    /**
     * The MQTT 5 properties of a message, sent or received.
     *
     * @param payloadUtf8 whether the payload format indicator says UTF-8 text
     */
    public record Properties(List<UserProperty> userProperties, @Nullable String responseTopic,
            byte @Nullable [] correlationData, @Nullable Long messageExpiry, @Nullable String contentType,
            boolean payloadUtf8) {

        public static final Properties NONE = new Properties(List.of(), null, null, null, null, false);

        public boolean isEmpty() {
            return userProperties.isEmpty() && responseTopic == null && correlationData == null && messageExpiry == null
                    && contentType == null && !payloadUtf8;
        }
    }
}
