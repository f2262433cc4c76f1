package io.petrel.platform.memory;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Combines time-ordered points per interval, as {@link io.petrel.api.store.platform.TelemetryStore} defines. */
final class Aggregator {
    private Aggregator() {
    }

    static List<TsEntry> aggregate(List<TsEntry> ascending, String key, long fromTs, long intervalMillis,
            Aggregation aggregation) {
        List<TsEntry> result = new ArrayList<>();
        int i = 0;
        while (i < ascending.size()) {
            long bucket = (ascending.get(i).ts() - fromTs) / intervalMillis;
            long start = fromTs + bucket * intervalMillis;
            Bucket values = new Bucket();
            while (i < ascending.size() && ascending.get(i).ts() < start + intervalMillis) {
                values.add(ascending.get(i).value());
                i++;
            }
            KvValue combined = values.result(aggregation);
            if (combined != null) {
                result.add(new TsEntry(start, key, combined));
            }
        }
        return result;
    }

    /** The running figures of one interval. */
    private static final class Bucket {
        long count;
        long numbers;
        boolean allLong = true;
        long longSum;
        boolean exactSum = true;
        long longMin = Long.MAX_VALUE;
        long longMax = Long.MIN_VALUE;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(KvValue value) {
            count++;
            Double number = value.asDouble();
            if (number == null) {
                return;
            }
            numbers++;
            if (value instanceof KvValue.LongValue l) {
                if (exactSum) {
                    try {
                        longSum = Math.addExact(longSum, l.value());
                    } catch (ArithmeticException beyond64Bits) {
                        exactSum = false;
                    }
                }
                longMin = Math.min(longMin, l.value());
                longMax = Math.max(longMax, l.value());
            } else {
                allLong = false;
            }
            sum += number;
            min = Math.min(min, number);
            max = Math.max(max, number);
        }

        @Nullable KvValue result(Aggregation aggregation) {
            if (aggregation == Aggregation.COUNT) {
                return KvValue.of(count);
            }
            if (numbers == 0) {
                return null;
            }
            return switch (aggregation) {
                case MIN -> allLong ? KvValue.of(longMin) : KvValue.of(min);
                case MAX -> allLong ? KvValue.of(longMax) : KvValue.of(max);
                case SUM -> allLong && exactSum ? KvValue.of(longSum) : KvValue.of(sum);
                case AVG -> KvValue.of(sum / numbers);
                case COUNT -> KvValue.of(count);
            };
        }
    }
}
