package io.petrel.mqtt.handler;

import io.petrel.api.Broker;
import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.store.platform.Device;
import io.petrel.api.topic.Namespace;
import io.petrel.engine.Engine;
import io.petrel.engine.EngineConfig;
import io.petrel.mqtt.device.DeviceOpener;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.LiveConnections;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.auth.DeviceAuthorizer;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.rpc.ClientRpcService;
import io.petrel.platform.session.SessionHandle;
import io.petrel.platform.time.ExecutorScheduler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real device platform on in-memory stores behind the real protocol layer, for handler tests on
 * {@link ProtocolHarness}. Store calls run on the test's thread, at once or, while {@link #hold() held}, when
 * the test releases them; the platform's clock moves only when the test advances it. Telemetry, which the
 * platform stores on its own writer thread, is left to the integration tests.
 */
final class DevicePlatformFixture implements AutoCloseable {
    final Workers workers = new Workers();
    final AtomicLong now = new AtomicLong(1_717_000_000_000L);
    final Engine engine = new Engine(EngineConfig.defaults("test"), List::of, InstantSource.system());
    final DevicePlatform platform;
    final ProtocolContext context;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    DevicePlatformFixture() {
        this(PlatformConfig.DEFAULTS);
    }

    DevicePlatformFixture(PlatformConfig config) {
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        Broker broker = new Broker() {
            @Override
            public void publish(String organization, Message message) {
                engine.publish(message.withTopic(Namespace.organization(organization).topicIn(message.topic())), null);
            }

            @Override
            public int disconnect(Predicate<ClientInfo> which) {
                return 0;
            }
        };
        platform = new DevicePlatform(PlatformStores.inMemory(), broker, ClientRpcService.unsupported(), config, clock,
                new ExecutorScheduler(timer), workers, Thread.ofPlatform().daemon()::unstarted);
        platform.start();
        platform.registry().createOrganization(Principal.DEFAULT_ORGANIZATION, "Default", 0).value();
        DeviceOpener opener = new DeviceOpener() {
            @Override
            public CompletionStage<OpenDecision> open(Principal principal, int protocolLevel, Downlink downlink) {
                return platform.open(principal, protocolLevel, downlink);
            }

            @Override
            public int maxPayloadSize() {
                return config.maxPayloadSize();
            }
        };
        context = new ProtocolContext(engine, MqttProtocolConfig.defaults(), platform.authenticator(),
                new DeviceAuthorizer(Authorizer.ALLOW_ALL), ClientLimits.NONE, new LiveConnections(), opener);
    }

    /** A connection to the server, not yet connected. */
    ProtocolHarness channel() {
        return new ProtocolHarness(context);
    }

    Device device(String name) {
        return platform.registry().createDevice(NewDevice.named(Principal.DEFAULT_ORGANIZATION, name)).value();
    }

    String token(Device device) {
        return platform.registry().credentials(device.id()).orElseThrow().value();
    }

    /** The platform's handle of a device's only live session. */
    SessionHandle session(Device device) {
        return platform.services().sessions().sessions(device.id()).getFirst();
    }

    /** From now on store calls wait until {@link #release()}. */
    void hold() {
        workers.held = true;
    }

    /** Runs the store calls that waited, and those they lead to, and stops holding them. */
    void release() {
        workers.held = false;
        Runnable next;
        while ((next = workers.waiting.poll()) != null) {
            next.run();
        }
    }

    @Override
    public void close() {
        platform.close();
        timer.shutdownNow();
    }

    /** Runs store calls on the caller's thread, or keeps them for later. */
    static final class Workers implements Executor {
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private boolean held;

        @Override
        public void execute(Runnable task) {
            if (held) {
                waiting.add(task);
            } else {
                task.run();
            }
        }

        /** Runs the oldest call that waits. */
        void runOne() {
            waiting.remove().run();
        }
    }
}
