package io.petrel.cli.bench;

import java.util.Map;

/** The comparison as a Markdown table: both brokers' figures, their ratio, the target and CPU per message. */
final class CompareTable {
    private CompareTable() {
    }

    static String markdown(Map<CompareRow, CompareResult[]> results) {
        StringBuilder out = new StringBuilder();
        out.append("| Row | Mosquitto | Petrel | Petrel ÷ Mosquitto | Target | Met | CPU µs/msg Mosquitto | "
                + "CPU µs/msg Petrel | Loss Mosquitto | Loss Petrel |\n");
        out.append("|---|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<CompareRow, CompareResult[]> entry : results.entrySet()) {
            CompareRow row = entry.getKey();
            CompareResult mosquitto = entry.getValue()[0];
            CompareResult petrel = entry.getValue()[1];
            double ratio = petrel.figure() / mosquitto.figure();
            out.append("| ").append(row.label())
                    .append(" | ").append(figure(mosquitto.figure(), row.kind()))
                    .append(" | ").append(figure(petrel.figure(), row.kind()))
                    .append(" | ").append(Double.isFinite(ratio) ? String.format("%.2f×", ratio) : "–")
                    .append(" | ").append(row.target())
                    .append(" | ").append(met(row, mosquitto, petrel, ratio))
                    .append(" | ").append(micros(mosquitto.cpuMicrosPerMessage()))
                    .append(" | ").append(micros(petrel.cpuMicrosPerMessage()))
                    .append(" | ").append(loss(row, mosquitto.result()))
                    .append(" | ").append(loss(row, petrel.result()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String met(CompareRow row, CompareResult mosquitto, CompareResult petrel, double ratio) {
        boolean met = switch (row.kind()) {
            case DELIVERED -> row.target().equals("no loss") ? petrel.result().lost() == 0
                    : row.target().startsWith("≥") ? ratio >= 1.5 : true;
            case P99_LATENCY -> ratio <= 1.0;
            case RSS_PER_CONNECTION -> petrel.figure() <= 4.0;
            case CONNECT_RATE -> ratio >= 2.0;
        };
        return row.target().equals("–") ? "–" : met ? "yes" : "**no**";
    }

    private static String figure(double value, CompareRow.Kind kind) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return switch (kind) {
            case DELIVERED, CONNECT_RATE -> String.format("%,.0f %s", value, kind.unit());
            case P99_LATENCY, RSS_PER_CONNECTION -> String.format("%.2f %s", value, kind.unit());
        };
    }

    private static String micros(double value) {
        return Double.isFinite(value) ? String.format("%.1f", value) : "–";
    }

    private static String loss(CompareRow row, BenchResult result) {
        if (!row.kind().countsMessages()) {
            return "–";
        }
        long expected = result.received() + result.lost();
        return expected == 0 ? "–" : String.format("%.2f%%", 100.0 * result.lost() / expected);
    }
}
