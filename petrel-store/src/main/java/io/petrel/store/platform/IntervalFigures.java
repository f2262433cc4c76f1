package io.petrel.store.platform;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * What the database computed for one interval of an aggregate query, and the aggregate made of it by the rules
 * of {@link Aggregation}: MIN, MAX and SUM are LONG when every number is a LONG, else DOUBLE; AVG is DOUBLE;
 * values that are no number only count. A sum of LONGs beyond 64 bits is a DOUBLE rather than a wrong LONG.
 *
 * @param interval the interval's number from the start of the range
 * @param count every value
 * @param numbers the LONGs and DOUBLEs
 * @param doubles the DOUBLEs
 * @param longMin the smallest LONG, or null without LONGs
 * @param longMax the largest LONG, or null without LONGs
 * @param doubleMin the smallest DOUBLE, or null without DOUBLEs
 * @param doubleMax the largest DOUBLE, or null without DOUBLEs
 * @param longSum the sum of the LONGs, or null without LONGs
 * @param longSumExact whether {@code longSum} is exact, not a floating-point total
 * @param doubleSum the sum of the DOUBLEs, or null without DOUBLEs
 */
record IntervalFigures(long interval, long count, long numbers, long doubles, @Nullable Long longMin,
        @Nullable Long longMax, @Nullable Double doubleMin, @Nullable Double doubleMax, @Nullable BigDecimal longSum,
        boolean longSumExact, @Nullable Double doubleSum) {

    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Reads a row of the aggregate query: interval, count, numbers, doubles, the min, max and sum columns. */
    static IntervalFigures read(ResultSet rows, boolean exactSums) throws SQLException {
        return new IntervalFigures(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                nullableLong(rows, 5), nullableLong(rows, 6), nullableDouble(rows, 7), nullableDouble(rows, 8),
                rows.getBigDecimal(9), exactSums, nullableDouble(rows, 10));
    }

    /** The aggregate of the interval, or null when it has no value to combine. */
    @Nullable KvValue combine(Aggregation aggregation) {
        if (aggregation == Aggregation.COUNT) {
            return KvValue.of(count);
        }
        if (numbers == 0) {
            return null;
        }
        boolean allLong = doubles == 0;
        return switch (aggregation) {
            case MIN -> allLong ? KvValue.of(longMin) : KvValue.of(Math.min(asDouble(longMin, Double.POSITIVE_INFINITY),
                    doubleMin));
            case MAX -> allLong ? KvValue.of(longMax) : KvValue.of(Math.max(asDouble(longMax, Double.NEGATIVE_INFINITY),
                    doubleMax));
            case SUM -> allLong && longSumExact && fitsLong(longSum) ? KvValue.of(longSum.longValueExact())
                    : KvValue.of(total());
            case AVG -> KvValue.of(total() / numbers);
            case COUNT -> KvValue.of(count);
        };
    }

    private double total() {
        return (longSum == null ? 0 : longSum.doubleValue()) + (doubleSum == null ? 0 : doubleSum);
    }

    private static boolean fitsLong(BigDecimal value) {
        return value.compareTo(MIN_LONG) >= 0 && value.compareTo(MAX_LONG) <= 0;
    }

    private static double asDouble(@Nullable Long value, double absent) {
        return value == null ? absent : value;
    }

    private static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static @Nullable Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
