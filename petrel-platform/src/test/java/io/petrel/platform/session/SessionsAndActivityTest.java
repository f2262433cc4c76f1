package io.petrel.platform.session;

import static io.petrel.platform.testing.PlatformFixture.START;
import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.rpc.ClientRpcService;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import io.petrel.api.Principal;
import io.petrel.api.store.platform.TelemetryStore;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.api.PublishDecision;
import io.petrel.platform.memory.InMemoryTelemetryStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One live session per device (device-api.md §2.1), close reasons (§2.2), activity (§2.3). */
class SessionsAndActivityTest {
    private PlatformFixture fixture = new PlatformFixture();
    private final Device device = fixture.device("d");

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Map<String, KvValue> server(Device d) {
        return fixture.attributes(d.id(), AttributeScope.SERVER).stream()
                .collect(Collectors.toMap(AttributeEntry::key, AttributeEntry::value));
    }

    @Test
    void aNewSessionOfTheSameDeviceEvictsTheOldestWhateverTheClientId() {
        RecordingDownlink first = new RecordingDownlink();
        OpenDecision.Open one = fixture.open(device, 5, first);
        assertThat(one.evicted()).isEmpty();
        RecordingDownlink second = new RecordingDownlink();
        OpenDecision.Open two = fixture.open(device, 5, second);
        assertThat(two.evicted()).containsExactly(first);
        assertThat(fixture.platform.services().sessions().sessions(device.id())).hasSize(1);
        // The evicted session's close must not make the device look disconnected.
        one.session().onClose();
        assertThat(server(device)).doesNotContainKey("lastDisconnectTime");
        two.session().onClose();
        assertThat(server(device)).containsEntry("lastDisconnectTime", KvValue.of(START));
    }

    @Test
    void theSessionLimitIsConfigurable() {
        fixture.close();
        fixture = new PlatformFixture(PlatformConfig.DEFAULTS.withMaxSessionsPerDevice(2), ClientRpcService.unsupported());
        Device d = fixture.device("d");
        RecordingDownlink a = new RecordingDownlink();
        RecordingDownlink b = new RecordingDownlink();
        assertThat(fixture.open(d, 5, a).evicted()).isEmpty();
        assertThat(fixture.open(d, 5, b).evicted()).isEmpty();
        assertThat(fixture.open(d, 5, new RecordingDownlink()).evicted()).containsExactly(a);
    }

    @Test
    void connectSetsActiveAndLastConnectTimeAndDisconnectOnlyLastDisconnectTime() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        assertThat(server(device)).containsEntry("active", KvValue.of(true))
                .containsEntry("lastConnectTime", KvValue.of(START)).containsEntry("lastActivityTime", KvValue.of(START));
        fixture.time.advance(2_000);
        session.onClose();
        assertThat(server(device)).containsEntry("active", KvValue.of(true))
                .containsEntry("lastDisconnectTime", KvValue.of(START + 2_000));
    }

    @Test
    void activityIsStoredAtMostOncePerReportInterval() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        fixture.time.advance(1_000);
        session.onPing();
        assertThat(server(device)).containsEntry("lastActivityTime", KvValue.of(START));
        fixture.time.advance(4_000);
        publish(session, "v1/devices/me/attributes", "{\"a\": 1}", 1);
        assertThat(server(device)).containsEntry("lastActivityTime", KvValue.of(START + 5_000));
    }

    @Test
    void silenceForTheInactivityTimeoutMakesTheDeviceInactiveAndActivityActiveAgain() {
        PlatformSession session = fixture.session(device, 5, new RecordingDownlink());
        fixture.time.advance(599_000);
        session.onPing();
        fixture.time.advance(599_000);
        assertThat(server(device)).containsEntry("active", KvValue.of(true));
        fixture.time.advance(60_000);
        assertThat(server(device)).containsEntry("active", KvValue.of(false))
                .containsEntry("inactivityAlarmTime", KvValue.of(START + 1_200_000));
        session.onSubscribe(List.of());
        assertThat(server(device)).containsEntry("active", KvValue.of(true))
                .containsEntry("lastActivityTime", KvValue.of(START + 1_258_000));
    }

    @Test
    void aDeviceCanHaveItsOwnInactivityTimeout() {
        PlatformFixture.join(fixture.platform.attributes().save(device.id(), AttributeScope.SERVER,
                List.of(new KvEntry(ActivityTracker.INACTIVITY_TIMEOUT, KvValue.of(90_000L)))));
        fixture.session(device, 5, new RecordingDownlink());
        fixture.time.advance(120_000);
        assertThat(server(device)).containsEntry("active", KvValue.of(false));
    }

    @Test
    void aSilentSessionIsClosedWithMaximumConnectTime() {
        RecordingDownlink downlink = new RecordingDownlink();
        fixture.session(device, 5, downlink);
        fixture.time.advance(660_000);
        assertThat(downlink.closedWith()).isEqualTo(ReasonCode.MAXIMUM_CONNECT_TIME);
        assertThat(fixture.platform.services().sessions().sessions(device.id())).isEmpty();
    }

    @Test
    void newCredentialsOrDeletionCloseTheDevicesSessionsAsAdministrativeAction() {
        RecordingDownlink downlink = new RecordingDownlink();
        fixture.session(device, 5, downlink);
        fixture.platform.registry().setCredentials(device.id(), new CredentialsSpec.AccessToken("new")).value();
        assertThat(downlink.closedWith()).isEqualTo(ReasonCode.ADMINISTRATIVE_ACTION);
        assertThat(fixture.platform.services().sessions().sessions(device.id())).isEmpty();

        RecordingDownlink again = new RecordingDownlink();
        PlatformSession session = fixture.session(device, 5, again);
        publish(session, "v1/devices/me/telemetry", "{\"t\": 1}", 1);
        assertThat(fixture.stores.telemetry().latest(device.id())).hasSize(1);
        fixture.platform.registry().deleteDevice(device.id());
        assertThat(again.closedWith()).isEqualTo(ReasonCode.ADMINISTRATIVE_ACTION);
        assertThat(fixture.stores.telemetry().latest(device.id())).as("a deleted device's data goes too").isEmpty();
        assertThat(fixture.published.lines()).as("its retained status is removed, not set offline").endsWith(
                "acme device/d/status  [retained]");
        assertThat(PlatformFixture.join(fixture.platform.open(
                Principal.device("d", "acme", device.id(), false), 5, new RecordingDownlink())))
                .isEqualTo(new OpenDecision.Refuse(ReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void aSessionWithAsManyUndecidedPublishesAsItMayHaveInFlightStopsReadingUntilTheyAreDecided() {
        fixture.close();
        PlatformConfig small = new PlatformConfig(65_536, 4, PlatformConfig.RateLimits.DEFAULTS, 1, 60_000, 10_000,
                10_000, 5_000, 600_000, 600_000, 5_000, 60_000, 60_000, PlatformConfig.DEFAULTS.kv());
        CountDownLatch slowStore = new CountDownLatch(1);
        InMemoryTelemetryStore memory = new InMemoryTelemetryStore();
        TelemetryStore blocking = (TelemetryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TelemetryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        slowStore.await(30, TimeUnit.SECONDS);
                    }
                    return method.invoke(memory, args);
                });
        PlatformStores base = PlatformStores.inMemory();
        fixture = new PlatformFixture(small, ClientRpcService.unsupported(),
                new PlatformStores(base.registry(), base.attributes(), blocking));
        RecordingDownlink downlink = new RecordingDownlink();
        PlatformSession session = fixture.session(fixture.device("slow"), 5, downlink);
        List<CompletionStage<PublishDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decisions.add(session.onPublish("v1/devices/me/telemetry", ("{\"n\":" + i + "}").getBytes(), 1));
        }
        assertThat(downlink.reading()).isTrue();
        decisions.add(session.onPublish("v1/devices/me/telemetry", "{\"n\":3}".getBytes(), 1));
        assertThat(downlink.reading()).as("the fourth undecided publish reaches the limit").isFalse();
        slowStore.countDown();
        decisions.forEach(stage -> assertThat(PlatformFixture.join(stage).puback()).isEqualTo(ReasonCode.SUCCESS));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(downlink.reading()).isTrue());
    }
}
