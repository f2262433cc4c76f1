package io.petrel.engine.sys;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate of one counter per minute, averaged over the last 1, 5 and 15 minutes the way Mosquitto computes
 * {@code $SYS/broker/load/...}: on each update the rate since the previous update is blended in with the
 * weight {@code exp(-elapsed / window)}, as Unix load averages are.
 */
final class LoadAverage {
    private static final int[] WINDOW_SECONDS = {60, 300, 900};
    private static final String[] SUFFIXES = {"1min", "5min", "15min"};

    private final String topic;
    private final LongSupplier counter;
    private final double[] loads = new double[WINDOW_SECONDS.length];
    private long lastValue;
    private long lastMillis;

    /**
     * @param topic the topic prefix, such as {@code $SYS/broker/load/messages/received}
     * @param counter the counter whose rate is averaged
     * @param nowMillis when averaging starts
     */
    LoadAverage(String topic, LongSupplier counter, long nowMillis) {
        this.topic = topic;
        this.counter = counter;
        this.lastValue = counter.getAsLong();
        this.lastMillis = nowMillis;
    }

    /** Blends in the rate since the previous update. */
    void update(long nowMillis) {
        double elapsedSeconds = (nowMillis - lastMillis) / 1000.0;
        if (elapsedSeconds <= 0) {
            return;
        }
        long value = counter.getAsLong();
        double perMinute = (value - lastValue) * 60.0 / elapsedSeconds;
        for (int i = 0; i < loads.length; i++) {
            double weight = Math.exp(-elapsedSeconds / WINDOW_SECONDS[i]);
            loads[i] = perMinute + weight * (loads[i] - perMinute);
        }
        lastValue = value;
        lastMillis = nowMillis;
    }

    /** Adds the three averages, with two decimals as Mosquitto prints them. */
    void putInto(Map<String, String> values) {
        for (int i = 0; i < loads.length; i++) {
            values.put(topic + "/" + SUFFIXES[i], String.format(Locale.ROOT, "%.2f", loads[i]));
        }
    }
}
