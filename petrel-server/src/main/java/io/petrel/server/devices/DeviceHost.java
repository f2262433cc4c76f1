package io.petrel.server.devices;

import io.petrel.api.Broker;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.mqtt.device.DeviceOpener;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.auth.DeviceAuthorizer;
import io.petrel.platform.rpc.ClientRpcService;
import io.petrel.platform.time.ExecutorScheduler;
import io.petrel.server.store.StoreConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device platform as the server runs it: on its stores, with a bounded pool of worker threads for store
 * calls and password checks, one timer thread for timeouts and periodic checks, and the platform's own
 * telemetry writer. It gives the protocol layer its {@link DeviceOpener}, the authenticator chain its device
 * slot, and the authorizer its device rules.
 */
public final class DeviceHost implements AutoCloseable, DeviceOpener {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHost.class);

    private final DevicesConfig config;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final DevicePlatform platform;
    private final DeviceStores stores;

    private DeviceHost(DevicesConfig config, DeviceStores stores, Broker broker, InstantSource clock) {
        this.config = config;
        this.stores = stores;
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queue()), task -> daemon(task, "petrel-devices-"
                        + counter.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "petrel-devices-timer"));
        this.platform = new DevicePlatform(stores.stores(), broker, ClientRpcService.unsupported(), config.platform(),
                clock, new ExecutorScheduler(timer), workers,
                Thread.ofPlatform().name("petrel-telemetry-writer").daemon()::unstarted);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts the platform.
     *
     * @param storeConfig where the broker keeps its state; the platform's data follows it
     * @param stores the stores to keep its data in, or null for those {@link DeviceStores} chooses
     * @param broker publishes the streaming namespace into organizations
     * @param dataDir where an embedded store keeps its files
     * @throws io.petrel.api.store.StoreException if the stores cannot be opened
     */
    public static DeviceHost start(DevicesConfig config, StoreConfig storeConfig, @Nullable PlatformStores stores,
            Broker broker, InstantSource clock, Path dataDir) {
        DeviceStores chosen = stores != null ? DeviceStores.of(stores) : DeviceStores.open(storeConfig, dataDir);
        DeviceHost host;
        try {
            host = new DeviceHost(config, chosen, broker, clock);
        } catch (RuntimeException e) {
            chosen.close();
            throw e;
        }
        try {
            if (host.platform.registry().organization(Principal.DEFAULT_ORGANIZATION).isEmpty()) {
                // A single-tenant install registers its devices in the default organization without setting it up.
                host.platform.registry().createOrganization(Principal.DEFAULT_ORGANIZATION, "Default", 0);
            }
            host.platform.start();
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        LOG.info("Device platform: data in {}, up to {} session(s) per device, {} B payloads, {} worker thread(s)",
                chosen.describe(), config.platform().maxSessionsPerDevice(), config.platform().maxPayloadSize(),
                config.threads());
        return host;
    }

    public DevicePlatform platform() {
        return platform;
    }

    /** The REST API's keys, kept with the platform's data. */
    public ApiKeyStore apiKeys() {
        return stores.apiKeys();
    }

    /**
     * The authenticator for the chain's device slot.
     *
     * @param anonymousListeners the listeners that let clients in without credentials
     */
    public Authenticator authenticator(Set<String> anonymousListeners) {
        return new DeviceLogins(platform.authenticator(), anonymousListeners);
    }

    /** The authorizer every client passes: devices are kept to their namespace in front of {@code next}. */
    public Authorizer authorizer(Authorizer next) {
        return new DeviceAuthorizer(next);
    }

    @Override
    public CompletionStage<OpenDecision> open(Principal principal, int protocolLevel, Downlink downlink) {
        return platform.open(principal, protocolLevel, downlink);
    }

    @Override
    public int maxPayloadSize() {
        return config.platform().maxPayloadSize();
    }

    /** Work waiting for the worker threads; for metrics. */
    public int queued() {
        return workers.getQueue().size();
    }

    /** Stores the telemetry still queued, stops the threads, then closes the stores. */
    @Override
    public void close() {
        platform.close();
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        stores.close();
    }
}
