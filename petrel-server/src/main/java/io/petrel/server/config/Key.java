package io.petrel.server.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One configuration key: its dotted path in {@code petrel.yml}, how its value is parsed and checked, its
 * default and its description. A path may contain {@code <name>} for entries of a named section, such as
 * {@code listeners.<name>.port}.
 *
 * @param <T> the value type
 */
public final class Key<T> {
    private static final String ENV_PREFIX = "PETREL_";

    private final String path;
    private final String description;
    private final Function<String, T> parser;
    private final String allowed;
    private final @Nullable T defaultValue;
    private final String defaultText;

    private Key(String path, String description, Function<String, T> parser, String allowed,
            @Nullable T defaultValue, String defaultText) {
        this.path = path;
        this.description = description;
        this.parser = parser;
        this.allowed = allowed;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
    }

    static Key<Integer> integer(String path, int defaultValue, int min, int max, String description) {
        return new Key<>(path, description, text -> {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "an integer from " + min + " to " + max, defaultValue, Integer.toString(defaultValue));
    }

    /** An integer whose default depends on other settings; the caller supplies it. */
    static Key<Integer> integer(String path, String defaultText, int min, int max, String description) {
        return new Key<>(path, description, text -> {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "an integer from " + min + " to " + max, null, defaultText);
    }

    static Key<Long> size(String path, long defaultValue, long min, long max, String description) {
        return new Key<>(path, description, text -> {
            long value = ValueParsers.size(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a size from " + ValueParsers.formatSize(min) + " to " + ValueParsers.formatSize(max)
                + ", in bytes or with KiB, MiB or GiB", defaultValue, ValueParsers.formatSize(defaultValue));
    }

    static Key<Duration> duration(String path, Duration defaultValue, Duration min, Duration max,
            String description) {
        return new Key<>(path, description, text -> {
            Duration value = ValueParsers.duration(text);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a duration from " + ValueParsers.format(min) + " to " + ValueParsers.format(max)
                + " such as 500ms, 10s, 5m, 2h or 30d", defaultValue, ValueParsers.format(defaultValue));
    }

    static Key<Boolean> bool(String path, boolean defaultValue, String description) {
        return new Key<>(path, description, Key::parseBoolean, "true or false", defaultValue,
                Boolean.toString(defaultValue));
    }

    /** A boolean whose default depends on other settings; the caller supplies it. */
    static Key<Boolean> bool(String path, String defaultText, String description) {
        return new Key<>(path, description, Key::parseBoolean, "true or false", null, defaultText);
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    static <E extends Enum<E>> Key<E> choice(String path, Class<E> type, @Nullable E defaultValue,
            String description) {
        String names = Arrays.stream(type.getEnumConstants()).map(Key::nameOf).collect(Collectors.joining(", "));
        return new Key<>(path, description, text -> {
            for (E constant : type.getEnumConstants()) {
                if (nameOf(constant).equals(text.trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException();
        }, "one of " + names, defaultValue, defaultValue == null ? "(by name)" : nameOf(defaultValue));
    }

    private static String nameOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static Key<String> string(String path, @Nullable String defaultValue, String description) {
        return new Key<>(path, description, text -> text, "text", defaultValue,
                defaultValue == null ? "(none)" : defaultValue);
    }

    static Key<List<String>> strings(String path, List<String> defaultValue, String description) {
        return new Key<>(path, description,
                text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                "a list (in YAML a sequence, in the environment comma-separated)", defaultValue,
                defaultValue.isEmpty() ? "(empty)" : String.join(", ", defaultValue));
    }

    /** The dotted path, with {@code <name>} where a named entry goes. */
    public String path() {
        return path;
    }

    /** The path of a named entry's key. */
    public String path(String name) {
        return path.replace("<name>", name);
    }

    /** Whether the key belongs to entries of a named section. */
    public boolean isTemplate() {
        return path.contains("<name>");
    }

    public String description() {
        return description;
    }

    /** What values are allowed, in words. */
    public String allowed() {
        return allowed;
    }

    /** The default in the form a user would write it. */
    public String defaultText() {
        return defaultText;
    }

    @Nullable T defaultValue() {
        return defaultValue;
    }

    /** The environment variable that overrides this key. */
    public String env() {
        return envName(path);
    }

    /** The environment variable for a dotted path: {@code mqtt.max-packet-size} is {@code PETREL_MQTT_MAX_PACKET_SIZE}. */
    static String envName(String dottedPath) {
        return ENV_PREFIX + dottedPath.replace("<name>", "{NAME}").toUpperCase(Locale.ROOT)
                .replace("<NAME>", "{NAME}").replace('.', '_').replace('-', '_');
    }

    /** Parses a raw value, failing with a message that names the key, the value and what is allowed. */
    T parse(String keyPath, String raw) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ConfigException.badValue(keyPath, raw, allowed);
        }
    }
}
