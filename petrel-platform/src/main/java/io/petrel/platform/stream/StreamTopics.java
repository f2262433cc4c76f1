package io.petrel.platform.stream;

import org.jspecify.annotations.Nullable;

/** The topics of the streaming namespace. */
public final class StreamTopics {
    private static final String PREFIX = "device/";
    private static final String TELEMETRY = "/telemetry";

    private StreamTopics() {
    }

    /**
     * A topic of a device's telemetry.
     *
     * @param deviceName the device
     * @param key the key of a one-value topic, or null for the batch topic
     */
    public record TelemetryTopic(String deviceName, @Nullable String key) {
    }

    /** {@code device/{name}/telemetry}: every upload as a JSON batch with timestamps. */
    public static String telemetry(String deviceName) {
        return PREFIX + deviceName + TELEMETRY;
    }

    /** {@code device/{name}/telemetry/{key}}: each value of one key. */
    public static String telemetry(String deviceName, String key) {
        return PREFIX + deviceName + TELEMETRY + "/" + key;
    }

    /** {@code device/{name}/status}: retained online state. */
    public static String status(String deviceName) {
        return PREFIX + deviceName + "/status";
    }

    /** Whether a key can be a topic level: wildcards and U+0000 cannot appear in a topic name. */
    public static boolean isTopicSafe(String key) {
        return key.indexOf('+') < 0 && key.indexOf('#') < 0 && key.indexOf('\0') < 0;
    }

    /** The device and key of a telemetry topic, or null if the topic is no telemetry topic. */
    public static @Nullable TelemetryTopic parseTelemetry(String topic) {
        if (!topic.startsWith(PREFIX)) {
            return null;
        }
        int nameEnd = topic.indexOf('/', PREFIX.length());
        if (nameEnd <= PREFIX.length() || !topic.startsWith(TELEMETRY, nameEnd)) {
            return null;
        }
        String name = topic.substring(PREFIX.length(), nameEnd);
        int rest = nameEnd + TELEMETRY.length();
        if (rest == topic.length()) {
            return new TelemetryTopic(name, null);
        }
        if (topic.charAt(rest) != '/' || rest + 1 == topic.length()) {
            return null;
        }
        return new TelemetryTopic(name, topic.substring(rest + 1));
    }
}
