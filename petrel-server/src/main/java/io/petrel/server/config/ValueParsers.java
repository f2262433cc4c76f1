package io.petrel.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human forms of sizes and durations that configuration values use. */
public final class ValueParsers {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|K|MB|MIB|M|GB|GIB|G)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(MS|S|M|H|D)?");

    private ValueParsers() {
    }

    /** A byte size such as {@code 65536}, {@code 64KiB} or {@code 1MiB}; K, M and G are powers of 1024. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'K' -> Math.multiplyExact(value, 1024L);
            case 'M' -> Math.multiplyExact(value, 1024L * 1024);
            case 'G' -> Math.multiplyExact(value, 1024L * 1024 * 1024);
            default -> value;
        };
    }

    /** What {@code never} means: the longest interval MQTT can express, 2^32 - 1 seconds. */
    static final Duration NEVER = Duration.ofSeconds(0xFFFF_FFFFL);

    /**
     * A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d}, or {@code never}; a
     * bare number is seconds.
     */
    public static Duration duration(String text) {
        if (text.trim().equalsIgnoreCase("never")) {
            return NEVER;
        }
        Matcher m = DURATION.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "S" : m.group(2);
        return switch (unit) {
            case "MS" -> Duration.ofMillis(value);
            case "M" -> Duration.ofMinutes(value);
            case "H" -> Duration.ofHours(value);
            case "D" -> Duration.ofDays(value);
            default -> Duration.ofSeconds(value);
        };
    }

    /** A duration in its shortest exact human form, for documentation. */
    static String format(Duration duration) {
        if (duration.equals(NEVER)) {
            return "never";
        }
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** A byte size in its shortest exact human form, for documentation. */
    static String formatSize(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return Long.toString(bytes);
    }
}
