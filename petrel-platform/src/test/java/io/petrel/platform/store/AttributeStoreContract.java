package io.petrel.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.AttributeStore;
import io.petrel.api.store.platform.KvValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttributeStore} does. A storage engine's test extends this class and supplies an empty
 * store.
 */
public abstract class AttributeStoreContract {
    private final UUID device = UUID.randomUUID();
    private AttributeStore store;

    /** A new, empty store. */
    protected abstract AttributeStore createStore();

    @BeforeEach
    void setUp() {
        store = createStore();
    }

    @Test
    void everyValueTypeRoundTrips() {
        List<AttributeEntry> entries = List.of(
                new AttributeEntry("b", KvValue.of(true), 1),
                new AttributeEntry("d", KvValue.of(21.5), 2),
                new AttributeEntry("j", KvValue.json("{\"a\":[1,2.50,\"x\"]}"), 3),
                new AttributeEntry("l", KvValue.of(Long.MIN_VALUE), 4),
                new AttributeEntry("s", KvValue.of("héllo \"quoted\""), 5));
        store.save(device, AttributeScope.CLIENT, entries);
        assertThat(store.find(device, AttributeScope.CLIENT)).containsExactlyElementsOf(entries);
    }

    @Test
    void theLastWriteOfAKeyWins() {
        store.save(device, AttributeScope.SHARED, List.of(new AttributeEntry("mode", KvValue.of("eco"), 1)));
        store.save(device, AttributeScope.SHARED, List.of(new AttributeEntry("mode", KvValue.of(3L), 2)));
        assertThat(store.find(device, AttributeScope.SHARED))
                .containsExactly(new AttributeEntry("mode", KvValue.of(3L), 2));
    }

    @Test
    void scopesAndDevicesAreSeparate() {
        UUID other = UUID.randomUUID();
        store.save(device, AttributeScope.CLIENT, List.of(new AttributeEntry("k", KvValue.of(1L), 1)));
        store.save(device, AttributeScope.SHARED, List.of(new AttributeEntry("k", KvValue.of(2L), 1)));
        store.save(other, AttributeScope.CLIENT, List.of(new AttributeEntry("k", KvValue.of(3L), 1)));
        assertThat(store.find(device, AttributeScope.CLIENT)).extracting(AttributeEntry::value)
                .containsExactly(KvValue.of(1L));
        assertThat(store.find(device, AttributeScope.SHARED)).extracting(AttributeEntry::value)
                .containsExactly(KvValue.of(2L));
        assertThat(store.find(device, AttributeScope.SERVER)).isEmpty();
        assertThat(store.find(other, AttributeScope.CLIENT)).extracting(AttributeEntry::value)
                .containsExactly(KvValue.of(3L));
    }

    @Test
    void findByKeysLeavesOutUnknownKeysAndSortsByKey() {
        store.save(device, AttributeScope.CLIENT, List.of(
                new AttributeEntry("model", KvValue.of("X1"), 1),
                new AttributeEntry("fwVersion", KvValue.of("1.2"), 1),
                new AttributeEntry("other", KvValue.of(true), 1)));
        assertThat(store.find(device, AttributeScope.CLIENT, List.of("model", "missing", "fwVersion")))
                .extracting(AttributeEntry::key).containsExactly("fwVersion", "model");
        assertThat(store.find(device, AttributeScope.CLIENT, List.of())).isEmpty();
        assertThat(store.find(UUID.randomUUID(), AttributeScope.CLIENT, List.of("model"))).isEmpty();
    }

    @Test
    void deleteReturnsTheKeysThatExisted() {
        store.save(device, AttributeScope.SHARED, List.of(
                new AttributeEntry("a", KvValue.of(1L), 1), new AttributeEntry("b", KvValue.of(2L), 1)));
        assertThat(store.delete(device, AttributeScope.SHARED, List.of("b", "zzz"))).containsExactly("b");
        assertThat(store.find(device, AttributeScope.SHARED)).extracting(AttributeEntry::key).containsExactly("a");
        assertThat(store.delete(device, AttributeScope.CLIENT, List.of("a"))).isEmpty();
    }

    @Test
    void deleteDeviceRemovesEveryScope() {
        UUID other = UUID.randomUUID();
        for (AttributeScope scope : AttributeScope.values()) {
            store.save(device, scope, List.of(new AttributeEntry("k", KvValue.of(1L), 1)));
        }
        store.save(other, AttributeScope.CLIENT, List.of(new AttributeEntry("k", KvValue.of(1L), 1)));
        store.deleteDevice(device);
        for (AttributeScope scope : AttributeScope.values()) {
            assertThat(store.find(device, scope)).isEmpty();
        }
        assertThat(store.find(other, AttributeScope.CLIENT)).hasSize(1);
    }
}
