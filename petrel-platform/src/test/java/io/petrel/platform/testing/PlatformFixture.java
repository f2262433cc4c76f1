package io.petrel.platform.testing;

import io.petrel.api.Principal;
import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.PublishDecision;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.rpc.ClientRpcHandler;
import io.petrel.platform.rpc.ClientRpcService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A device platform on in-memory stores, with manual time and store calls on the caller's thread, so that
 * only telemetry writes (on the real writer thread) complete asynchronously.
 */
public final class PlatformFixture implements AutoCloseable {
    public static final long START = 1_717_000_000_000L;

    public final ManualTime time = new ManualTime(START);
    public final PlatformStores stores;
    public final RecordingPublisher published = new RecordingPublisher();
    public final DevicePlatform platform;

    public PlatformFixture() {
        this(PlatformConfig.DEFAULTS, ClientRpcService.unsupported());
    }

    public PlatformFixture(PlatformConfig config, ClientRpcHandler clientRpc) {
        this(config, clientRpc, PlatformStores.inMemory());
    }

    public PlatformFixture(PlatformConfig config, ClientRpcHandler clientRpc, PlatformStores stores) {
        this.stores = stores;
        platform = new DevicePlatform(stores, published, clientRpc, config, time, time, Runnable::run,
                Thread.ofPlatform().name("telemetry-writer").daemon()::unstarted);
        platform.start();
        platform.registry().createOrganization("acme", "Acme", 0).value();
    }

    /** Creates a device of organization acme. */
    public Device device(String name) {
        return platform.registry().createDevice(NewDevice.named("acme", name)).value();
    }

    /** Creates a gateway of organization acme. */
    public Device gateway(String name) {
        return platform.registry().createDevice(new NewDevice("acme", name, null, null, true, null)).value();
    }

    /** Opens a session for a device and returns the decision. */
    public OpenDecision.Open open(Device device, int protocolLevel, RecordingDownlink downlink) {
        Principal principal = Principal.device(device.name(), device.organization(), device.id(), device.gateway());
        return (OpenDecision.Open) join(platform.open(principal, protocolLevel, downlink));
    }

    public PlatformSession session(Device device, int protocolLevel, RecordingDownlink downlink) {
        return open(device, protocolLevel, downlink).session();
    }

    public static PublishDecision publish(PlatformSession session, String topic, String payload, int qos) {
        return join(session.onPublish(topic, payload.getBytes(StandardCharsets.UTF_8), qos));
    }

    public List<AttributeEntry> attributes(UUID deviceId, AttributeScope scope) {
        return stores.attributes().find(deviceId, scope);
    }

    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete", e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
