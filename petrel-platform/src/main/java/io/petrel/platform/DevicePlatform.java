package io.petrel.platform;

import io.petrel.api.Broker;
import io.petrel.api.Principal;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.platform.api.DeviceServices;
import io.petrel.platform.api.DeviceSession;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.ProvisionSession;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.attributes.AttributeService;
import io.petrel.platform.auth.DeviceAuthenticator;
import io.petrel.platform.claim.ClaimService;
import io.petrel.platform.kv.KvParser;
import io.petrel.platform.provision.ProvisionService;
import io.petrel.platform.registry.Registry;
import io.petrel.platform.rpc.ClientRpcHandler;
import io.petrel.platform.rpc.ClientRpcService;
import io.petrel.platform.rpc.ServerRpcService;
import io.petrel.platform.session.ActivityTracker;
import io.petrel.platform.session.DeviceSessions;
import io.petrel.platform.session.SessionHandle;
import io.petrel.platform.stream.StreamPublisher;
import io.petrel.platform.telemetry.RetentionSweeper;
import io.petrel.platform.telemetry.TelemetryParser;
import io.petrel.platform.telemetry.TelemetryService;
import io.petrel.platform.time.Scheduler;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The device platform, wired: what petrel-server builds once and hands the protocol layer. It authenticates
 * device credentials, opens a {@link io.petrel.platform.api.PlatformSession} per device session, and offers
 * the registry, telemetry, attributes and RPC to the REST API.
 */
public final class DevicePlatform implements AutoCloseable {
    /** How often expired telemetry is deleted. */
    static final long RETENTION_INTERVAL_MILLIS = 3_600_000;

    private final PlatformStores stores;
    private final PlatformConfig config;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Registry registry;
    private final DeviceServices services;
    private final DeviceAuthenticator authenticator;
    private final ProvisionService provisioning;
    private final RetentionSweeper retention;
    private volatile boolean running;
    private volatile Scheduler.Cancellable activityTask = () -> { };
    private volatile Scheduler.Cancellable retentionTask = () -> { };

    /**
     * @param stores where the platform keeps its data
     * @param broker publishes into organizations' topic spaces, for the streaming namespace
     * @param clientRpc answers devices' client-side RPCs
     * @param config the settings
     * @param clock the wall clock
     * @param scheduler runs timeouts and periodic checks
     * @param workers runs store calls and password checks, off the event loops
     * @param threads makes the telemetry writer thread
     */
    public DevicePlatform(PlatformStores stores, Broker broker, ClientRpcHandler clientRpc,
            PlatformConfig config, InstantSource clock, Scheduler scheduler, Executor workers, ThreadFactory threads) {
        this.stores = stores;
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        this.registry = new Registry(stores.registry(), clock);
        KvParser kv = new KvParser(config.kv());
        AttributeService attributes = new AttributeService(stores.attributes(), workers, clock);
        StreamPublisher stream = new StreamPublisher(broker);
        ActivityTracker activity = new ActivityTracker(attributes, stream, config.inactivityTimeoutMillis(),
                config.activityReportIntervalMillis());
        DeviceSessions sessions = new DeviceSessions(config.maxSessionsPerDevice(), activity, clock);
        attributes.setListener(sessions);
        this.services = new DeviceServices(config, clock, kv, new TelemetryParser(kv),
                new TelemetryService(stores.telemetry(), 10_000, threads), attributes,
                new ServerRpcService(sessions, scheduler, clock, config),
                new ClientRpcService(clientRpc, scheduler, config.clientRpcTimeoutMillis()), new ClaimService(clock),
                sessions, activity, stream);
        this.authenticator = new DeviceAuthenticator(stores.registry(), workers);
        this.provisioning = new ProvisionService(registry, stores.attributes(), clock);
        this.retention = new RetentionSweeper(stores.registry(), stores.telemetry());
        registry.addListener(this::deviceInvalidated);
    }

    /** Starts the telemetry writer and the periodic activity, session and retention checks. */
    public void start() {
        running = true;
        services.telemetry().start();
        scheduleActivityCheck();
        scheduleRetention();
    }

    private void scheduleActivityCheck() {
        activityTask = scheduler.schedule(() -> {
            long now = clock.millis();
            services.activity().sweep(now);
            services.sessions().closeStale(now, config.sessionInactivityTimeoutMillis());
            if (running) {
                scheduleActivityCheck();
            }
        }, config.activityCheckIntervalMillis());
    }

    private void scheduleRetention() {
        retentionTask = scheduler.schedule(() -> {
            retention.sweep(clock.millis());
            if (running) {
                scheduleRetention();
            }
        }, RETENTION_INTERVAL_MILLIS);
    }

    /**
     * Starts serving a session that logged in with a device principal (one {@link #authenticator()} made).
     * The stage completes off the event loop; the caller goes back to the session's thread to act on it.
     *
     * @param principal the session's principal
     * @param protocolLevel the MQTT protocol level: 3, 4 or 5
     * @param downlink the way back to the session
     */
    public CompletionStage<OpenDecision> open(Principal principal, int protocolLevel, Downlink downlink) {
        if (principal.device() == null) {
            throw new IllegalArgumentException("not a device principal: " + principal.name());
        }
        UUID deviceId = principal.device().deviceId();
        if (deviceId == null) {
            return CompletableFuture.completedFuture(new OpenDecision.Open(new ProvisionSession(provisioning, workers,
                    scheduler, downlink, protocolLevel, config.provisionSessionLingerMillis()), List.of()));
        }
        return CompletableFuture.supplyAsync(() -> lookUp(deviceId), workers).thenApply(device -> {
            if (device.isEmpty()) {
                return new OpenDecision.Refuse(ReasonCode.NOT_AUTHORIZED);
            }
            SessionHandle handle = new SessionHandle(device.get(), downlink, clock.millis());
            List<Downlink> evicted = services.sessions().register(handle).stream()
                    .map(SessionHandle::downlink)
                    .toList();
            return new OpenDecision.Open(new DeviceSession(services, handle, protocolLevel), evicted);
        });
    }

    private Optional<DeviceRef> lookUp(UUID deviceId) {
        Optional<Device> device = registry.device(deviceId);
        return device.map(d -> DeviceRef.of(d,
                registry.profile(d.profileId()).map(DeviceProfile::payloadType).orElse(PayloadType.JSON)));
    }

    private void deviceInvalidated(Device device, boolean deleted) {
        UUID deviceId = device.id();
        if (!deleted) {
            services.sessions().closeAll(deviceId, ReasonCode.ADMINISTRATIVE_ACTION);
        } else {
            services.sessions().closeDeleted(deviceId, ReasonCode.ADMINISTRATIVE_ACTION);
            services.activity().forget(deviceId);
            services.stream().clearStatus(device.organization(), device.name());
            workers.execute(() -> {
                stores.attributes().deleteDevice(deviceId);
                stores.telemetry().deleteDevice(deviceId);
            });
        }
    }

    /** Logs devices in; see {@link DeviceAuthenticator#login} for use in an authenticator chain. */
    public DeviceAuthenticator authenticator() {
        return authenticator;
    }

    public Registry registry() {
        return registry;
    }

    public DeviceServices services() {
        return services;
    }

    public TelemetryService telemetry() {
        return services.telemetry();
    }

    public AttributeService attributes() {
        return services.attributes();
    }

    public ServerRpcService rpc() {
        return services.serverRpc();
    }

    public ClaimService claims() {
        return services.claims();
    }

    /** Stops the periodic checks and stores the telemetry still queued. */
    @Override
    public void close() {
        running = false;
        activityTask.cancel();
        retentionTask.cancel();
        services.telemetry().close();
    }
}
