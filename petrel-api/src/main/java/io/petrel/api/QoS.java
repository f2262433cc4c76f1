package io.petrel.api;

/** MQTT quality of service: how many times, at most or at least, a message is delivered. */
public enum QoS {
    /** Fire and forget: delivered at most once. */
    AT_MOST_ONCE,
    /** Acknowledged: delivered at least once. */
    AT_LEAST_ONCE,
    /** Four-way handshake: delivered exactly once. */
    EXACTLY_ONCE;

    private static final QoS[] BY_VALUE = values();

    /** The wire value, 0, 1 or 2. */
    public int value() {
        return ordinal();
    }

    /**
     * The QoS for a wire value.
     *
     * @throws IllegalArgumentException if the value is not 0, 1 or 2
     */
    public static QoS of(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + value);
        }
        return BY_VALUE[value];
    }

    /** The lower of two levels: a message is delivered at the lower of its own and the subscription's QoS. */
    public static QoS min(QoS a, QoS b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** The higher of two levels. */
    public static QoS max(QoS a, QoS b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
