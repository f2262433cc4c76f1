package io.petrel.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import io.petrel.platform.memory.InMemoryRegistryStore;
import io.petrel.platform.memory.InMemoryTelemetryStore;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.Registry;
import io.petrel.platform.testing.ManualTime;
import io.petrel.platform.testing.PlatformFixture;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TelemetryServiceTest {
    private final UUID device = UUID.randomUUID();

    @Test
    void writesThatQueueUpAreStoredInOneBatch() throws Exception {
        InMemoryTelemetryStore memory = new InMemoryTelemetryStore();
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger appends = new AtomicInteger();
        TelemetryStore store = (TelemetryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TelemetryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        appends.incrementAndGet();
                        firstBatchStarted.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return method.invoke(memory, args);
                });
        try (TelemetryService service = new TelemetryService(store, 10_000, Thread.ofPlatform()::unstarted)) {
            service.start();
            List<CompletionStage<Void>> writes = new ArrayList<>();
            writes.add(service.write(List.of(new TsPoint(device, 0, "k", KvValue.of(0L)))));
            assertThat(firstBatchStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 100; i++) {
                writes.add(service.write(List.of(new TsPoint(device, i, "k", KvValue.of((long) i)))));
            }
            assertThat(writes.get(100).toCompletableFuture()).as("not acknowledged before it is stored").isNotDone();
            release.countDown();
            writes.forEach(PlatformFixture::join);
            assertThat(appends.get()).as("the 100 queued writes went in one commit").isEqualTo(2);
            assertThat(service.range(device, "k", 0, 1_000, 1_000, SortOrder.ASCENDING).value()).hasSize(101);
        }
    }

    @Test
    void closingStoresWhatIsQueued() {
        InMemoryTelemetryStore memory = new InMemoryTelemetryStore();
        TelemetryService service = new TelemetryService(memory, 10, Thread.ofPlatform()::unstarted);
        service.start();
        List<CompletionStage<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            writes.add(service.write(List.of(new TsPoint(device, i, "k", KvValue.of((long) i)))));
        }
        service.close();
        writes.forEach(PlatformFixture::join);
        assertThat(memory.range(device, "k", 0, 100, 100, SortOrder.ASCENDING)).hasSize(50);
        assertThat(service.write(List.of(new TsPoint(device, 99, "k", KvValue.of(1L)))).toCompletableFuture())
                .isCompletedExceptionally();
    }

    @Test
    void aFailingStoreFailsTheWritesOfItsBatch() {
        TelemetryStore broken = (TelemetryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TelemetryStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("disk full");
                });
        try (TelemetryService service = new TelemetryService(broken, 10, Thread.ofPlatform()::unstarted)) {
            service.start();
            CompletionStage<Void> write = service.write(List.of(new TsPoint(device, 1, "k", KvValue.of(1L))));
            assertThat(write.toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void queriesAreCheckedBeforeTheyReachTheStore() {
        InMemoryTelemetryStore memory = new InMemoryTelemetryStore();
        memory.append(List.of(new TsPoint(device, 10, "k", KvValue.of(1L)), new TsPoint(device, 20, "k", KvValue.of(3L))));
        try (TelemetryService service = new TelemetryService(memory, 10, Thread.ofPlatform()::unstarted)) {
            assertThat(service.range(device, "k", 20, 10, 10, SortOrder.ASCENDING).problem().message())
                    .contains("startTs must be before endTs");
            assertThat(service.range(device, "k", 0, 10, 0, SortOrder.ASCENDING).isOk()).isFalse();
            assertThat(service.range(device, "k", 0, 10, 10_001, SortOrder.ASCENDING).isOk()).isFalse();
            assertThat(service.aggregate(device, "k", 0, 100, 0, Aggregation.AVG).isOk()).isFalse();
            assertThat(service.aggregate(device, "k", 0, 1_000_000, 1, Aggregation.AVG).problem().message())
                    .contains("intervals");
            assertThat(service.aggregate(device, "k", 0, 100, 100, Aggregation.AVG).value())
                    .containsExactly(new TsEntry(0, "k", KvValue.of(2.0)));
            assertThat(service.latest(device, null)).containsExactly(new TsEntry(20, "k", KvValue.of(3L)));
            assertThat(service.latest(device, List.of("other"))).isEmpty();
        }
    }

    @Test
    void retentionIsPerOrganizationAndKeepsLatestValues() {
        ManualTime time = new ManualTime(1_000_000);
        InMemoryRegistryStore registryStore = new InMemoryRegistryStore();
        Registry registry = new Registry(registryStore, time);
        registry.createOrganization("short", "Short", 1_000).value();
        registry.createOrganization("forever", "Forever", 0).value();
        UUID shortLived = registry.createDevice(NewDevice.named("short", "d")).value().id();
        UUID kept = registry.createDevice(NewDevice.named("forever", "d")).value().id();
        InMemoryTelemetryStore telemetry = new InMemoryTelemetryStore();
        telemetry.append(List.of(new TsPoint(shortLived, 998_000, "k", KvValue.of(1L)),
                new TsPoint(shortLived, 999_500, "k", KvValue.of(2L)), new TsPoint(kept, 1, "k", KvValue.of(3L))));
        assertThat(new RetentionSweeper(registryStore, telemetry).sweep(time.millis())).isEqualTo(1);
        assertThat(telemetry.range(shortLived, "k", 0, Long.MAX_VALUE, 10, SortOrder.ASCENDING)).extracting(TsEntry::ts)
                .containsExactly(999_500L);
        assertThat(telemetry.range(kept, "k", 0, Long.MAX_VALUE, 10, SortOrder.ASCENDING)).hasSize(1);
        assertThat(new RetentionSweeper(registryStore, telemetry).sweep(time.millis() + 10_000)).isEqualTo(1);
        assertThat(telemetry.latest(shortLived)).containsExactly(new TsEntry(999_500, "k", KvValue.of(2L)));
    }
}
