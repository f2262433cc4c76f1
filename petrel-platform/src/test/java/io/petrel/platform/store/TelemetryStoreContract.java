package io.petrel.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelemetryStore} does. A storage engine's test extends this class and supplies an empty
 * store.
 */
public abstract class TelemetryStoreContract {
    private final UUID device = UUID.randomUUID();
    private TelemetryStore store;

    /** A new, empty store. */
    protected abstract TelemetryStore createStore();

    @BeforeEach
    void setUp() {
        store = createStore();
    }

    private TsPoint point(long ts, String key, KvValue value) {
        return new TsPoint(device, ts, key, value);
    }

    @Test
    void everyValueTypeRoundTrips() {
        List<TsPoint> points = List.of(point(1, "b", KvValue.of(false)), point(1, "d", KvValue.of(-0.125)),
                point(1, "j", KvValue.json("[1,{\"x\":null}]")), point(1, "l", KvValue.of(Long.MAX_VALUE)),
                point(1, "s", KvValue.of("18446744073709551616")));
        store.append(points);
        assertThat(store.latest(device)).containsExactly(new TsEntry(1, "b", KvValue.of(false)),
                new TsEntry(1, "d", KvValue.of(-0.125)), new TsEntry(1, "j", KvValue.json("[1,{\"x\":null}]")),
                new TsEntry(1, "l", KvValue.of(Long.MAX_VALUE)), new TsEntry(1, "s", KvValue.of("18446744073709551616")));
    }

    @Test
    void theLatestValueIsTheNewestByTimeNotByWrite() {
        store.append(List.of(point(200, "temp", KvValue.of(20L))));
        store.append(List.of(point(100, "temp", KvValue.of(10L))));
        assertThat(store.latest(device, List.of("temp"))).containsExactly(new TsEntry(200, "temp", KvValue.of(20L)));
        store.append(List.of(point(300, "temp", KvValue.of(30.5))));
        assertThat(store.latest(device, List.of("temp", "nothing")))
                .containsExactly(new TsEntry(300, "temp", KvValue.of(30.5)));
    }

    @Test
    void aPointAtTheSameTimeReplacesTheEarlierOne() {
        store.append(List.of(point(100, "temp", KvValue.of(1L))));
        store.append(List.of(point(100, "temp", KvValue.of("one"))));
        assertThat(store.range(device, "temp", 0, 1000, 10, SortOrder.ASCENDING))
                .containsExactly(new TsEntry(100, "temp", KvValue.of("one")));
        assertThat(store.latest(device)).containsExactly(new TsEntry(100, "temp", KvValue.of("one")));
    }

    @Test
    void withinOneAppendTheLastPointOfADeviceKeyAndTimeWins() {
        List<TsPoint> points = new ArrayList<>();
        for (long ts = 0; ts < 150; ts++) {
            points.add(point(ts, "v", KvValue.of(ts)));
        }
        for (long ts = 0; ts < 150; ts++) {
            points.add(point(ts, "v", KvValue.of(-ts)));
        }
        store.append(points);
        List<TsEntry> stored = store.range(device, "v", 0, 1000, 1000, SortOrder.ASCENDING);
        assertThat(stored).hasSize(150)
                .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(KvValue.of(-entry.ts())));
        assertThat(store.latest(device)).containsExactly(new TsEntry(149, "v", KvValue.of(-149L)));
    }

    @Test
    void oneAppendMayCarryManyDevices() {
        UUID other = UUID.randomUUID();
        store.append(List.of(point(1, "k", KvValue.of(1L)), new TsPoint(other, 2, "k", KvValue.of(2L))));
        assertThat(store.latest(device)).extracting(TsEntry::value).containsExactly(KvValue.of(1L));
        assertThat(store.latest(other)).extracting(TsEntry::value).containsExactly(KvValue.of(2L));
    }

    @Test
    void rangeIsHalfOpenOrderedAndLimited() {
        List<TsPoint> points = new ArrayList<>();
        for (long ts = 10; ts <= 100; ts += 10) {
            points.add(point(ts, "temp", KvValue.of(ts)));
        }
        points.add(point(50, "other", KvValue.of(0L)));
        store.append(points);
        assertThat(store.range(device, "temp", 20, 60, 100, SortOrder.ASCENDING)).extracting(TsEntry::ts)
                .containsExactly(20L, 30L, 40L, 50L);
        assertThat(store.range(device, "temp", 20, 60, 2, SortOrder.ASCENDING)).extracting(TsEntry::ts)
                .containsExactly(20L, 30L);
        assertThat(store.range(device, "temp", 0, 1000, 3, SortOrder.DESCENDING)).extracting(TsEntry::ts)
                .containsExactly(100L, 90L, 80L);
        assertThat(store.range(device, "missing", 0, 1000, 3, SortOrder.ASCENDING)).isEmpty();
        assertThat(store.range(UUID.randomUUID(), "temp", 0, 1000, 3, SortOrder.ASCENDING)).isEmpty();
    }

    @Test
    void aggregatesPerIntervalFromTheStartOfTheRange() {
        // Intervals of 100 from 1000: [1000,1100) has 1 and 3, [1100,1200) is empty, [1200,1300) has 2.5 and 7.
        store.append(List.of(point(1000, "v", KvValue.of(1L)), point(1099, "v", KvValue.of(3L)),
                point(1200, "v", KvValue.of(2.5)), point(1250, "v", KvValue.of(7L)),
                point(1300, "v", KvValue.of(1000L)), point(999, "v", KvValue.of(1000L))));
        assertThat(store.aggregate(device, "v", 1000, 1300, 100, Aggregation.MIN))
                .containsExactly(new TsEntry(1000, "v", KvValue.of(1L)), new TsEntry(1200, "v", KvValue.of(2.5)));
        assertThat(store.aggregate(device, "v", 1000, 1300, 100, Aggregation.MAX))
                .containsExactly(new TsEntry(1000, "v", KvValue.of(3L)), new TsEntry(1200, "v", KvValue.of(7.0)));
        assertThat(store.aggregate(device, "v", 1000, 1300, 100, Aggregation.SUM))
                .containsExactly(new TsEntry(1000, "v", KvValue.of(4L)), new TsEntry(1200, "v", KvValue.of(9.5)));
        assertThat(store.aggregate(device, "v", 1000, 1300, 100, Aggregation.AVG))
                .containsExactly(new TsEntry(1000, "v", KvValue.of(2.0)), new TsEntry(1200, "v", KvValue.of(4.75)));
        assertThat(store.aggregate(device, "v", 1000, 1300, 100, Aggregation.COUNT))
                .containsExactly(new TsEntry(1000, "v", KvValue.of(2L)), new TsEntry(1200, "v", KvValue.of(2L)));
    }

    @Test
    void numericAggregatesSkipValuesThatAreNoNumbersButCountCountsThem() {
        store.append(List.of(point(0, "v", KvValue.of("text")), point(1, "v", KvValue.of(5L)),
                point(10, "v", KvValue.of(true))));
        assertThat(store.aggregate(device, "v", 0, 20, 10, Aggregation.SUM))
                .containsExactly(new TsEntry(0, "v", KvValue.of(5L)));
        assertThat(store.aggregate(device, "v", 0, 20, 10, Aggregation.COUNT))
                .containsExactly(new TsEntry(0, "v", KvValue.of(2L)), new TsEntry(10, "v", KvValue.of(1L)));
    }

    @Test
    void aSumOfLongsBeyond64BitsIsADoubleRatherThanAWrongLong() {
        store.append(List.of(point(1, "v", KvValue.of(Long.MAX_VALUE)), point(2, "v", KvValue.of(Long.MAX_VALUE)),
                point(3, "v", KvValue.of(2L))));
        assertThat(store.aggregate(device, "v", 0, 10, 10, Aggregation.SUM))
                .containsExactly(new TsEntry(0, "v", KvValue.of(2.0 * Long.MAX_VALUE + 2)));
        assertThat(store.aggregate(device, "v", 0, 3, 10, Aggregation.MAX))
                .containsExactly(new TsEntry(0, "v", KvValue.of(Long.MAX_VALUE)));
        assertThat(store.aggregate(device, "v", 3, 10, 10, Aggregation.SUM))
                .containsExactly(new TsEntry(3, "v", KvValue.of(2L)));
    }

    @Test
    void deleteBeforeRemovesOldPointsButKeepsLatestValues() {
        store.append(List.of(point(10, "a", KvValue.of(1L)), point(20, "a", KvValue.of(2L)),
                point(15, "b", KvValue.of(3L))));
        assertThat(store.deleteBefore(device, 20)).isEqualTo(2);
        assertThat(store.range(device, "a", 0, 100, 10, SortOrder.ASCENDING)).extracting(TsEntry::ts)
                .containsExactly(20L);
        assertThat(store.range(device, "b", 0, 100, 10, SortOrder.ASCENDING)).isEmpty();
        assertThat(store.latest(device)).extracting(TsEntry::key).containsExactly("a", "b");
    }

    @Test
    void deleteDeviceRemovesPointsAndLatestValues() {
        UUID other = UUID.randomUUID();
        store.append(List.of(point(10, "a", KvValue.of(1L)), new TsPoint(other, 10, "a", KvValue.of(1L))));
        store.deleteDevice(device);
        assertThat(store.latest(device)).isEmpty();
        assertThat(store.range(device, "a", 0, 100, 10, SortOrder.ASCENDING)).isEmpty();
        assertThat(store.latest(other)).hasSize(1);
    }
}
