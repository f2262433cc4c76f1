package io.petrel.cli.bench;

/** How benchmark figures are written for people. */
final class Format {
    private Format() {
    }

    /** Microseconds as milliseconds, e.g. {@code 0.42 ms}. */
    static String millis(double micros) {
        return micros >= 10_000 ? String.format("%.0f ms", micros / 1000) : String.format("%.2f ms", micros / 1000);
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }
}
