package io.petrel.cli.bench;

import java.util.function.ToDoubleFunction;

/**
 * One row of the comparison: a scenario run against each broker, and the figure compared.
 *
 * @param label what the row measures, for the table
 * @param kind which figure is compared and how it is measured
 * @param scenario the load
 * @param publishers publishers, or connections for {@link Scenario#CONN}
 * @param subscribers subscribers
 * @param qos the QoS of messages and subscriptions
 * @param ratePerPublisher messages per second per publisher; 0 for as fast as flow control allows
 * @param target the goal, in words
 */
record CompareRow(String label, Kind kind, Scenario scenario, int publishers, int subscribers, int qos,
        double ratePerPublisher, String target) {

    /** What a row compares. */
    enum Kind {
        /** Messages delivered to subscribers per second; higher is better. */
        DELIVERED(true, "msg/s", BenchResult::receiveRate),
        /** p99 end-to-end latency in milliseconds at a fixed rate; lower is better. */
        P99_LATENCY(false, "ms", r -> r.p99() / 1000.0),
        /** Resident memory per idle connection in KiB; lower is better. */
        RSS_PER_CONNECTION(false, "KiB", r -> Double.NaN),
        /** New connections accepted per second; higher is better. */
        CONNECT_RATE(true, "conn/s", BenchResult::connectRate);

        private final boolean higherIsBetter;
        private final String unit;
        private final ToDoubleFunction<BenchResult> figure;

        Kind(boolean higherIsBetter, String unit, ToDoubleFunction<BenchResult> figure) {
            this.higherIsBetter = higherIsBetter;
            this.unit = unit;
            this.figure = figure;
        }

        boolean higherIsBetter() {
            return higherIsBetter;
        }

        String unit() {
            return unit;
        }

        double figure(BenchResult result) {
            return figure.applyAsDouble(result);
        }

        boolean countsMessages() {
            return this == DELIVERED || this == P99_LATENCY;
        }
    }
}
