package io.petrel.engine;

import io.petrel.api.Message;
import io.petrel.engine.loop.Cancellable;
import io.petrel.engine.loop.LoopGroup;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.retained.RetainedIndex;
import io.petrel.engine.routing.Router;
import io.petrel.engine.session.ClientConnection;
import io.petrel.engine.session.ConnectOutcome;
import io.petrel.engine.session.ConnectRequest;
import io.petrel.engine.session.DisconnectCause;
import io.petrel.engine.session.Session;
import io.petrel.engine.session.SessionConfig;
import io.petrel.engine.session.SessionContext;
import io.petrel.engine.session.SessionRegistry;
import io.petrel.engine.sys.SysTopics;
import io.petrel.engine.topic.TopicTree;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The broker engine: sessions, the subscription index, retained messages and routing, wired together. The
 * transport attaches connections with {@link #connect} and then talks to the returned {@link Session}.
 */
public final class Engine {
    private final EngineConfig config;
    private final LoopGroup loops;
    private final InstantSource clock;
    private final BrokerMetrics metrics = new BrokerMetrics();
    private final TopicTree<Session> subscriptions = new TopicTree<>();
    private final RetainedIndex retained = new RetainedIndex();
    private final Router router;
    private final SessionRegistry sessions;
    private final SysTopics sys;
    private @Nullable Cancellable sysTask;

    public Engine(EngineConfig config, LoopGroup loops, InstantSource clock) {
        this.config = config;
        this.loops = loops;
        this.clock = clock;
        this.router = new Router(subscriptions, retained, metrics, clock);
        this.sessions = new SessionRegistry(
                new SessionContext(config.sessions(), metrics, clock, subscriptions, retained, router));
        this.sys = new SysTopics(config.version(), clock.millis(), metrics, sessions, subscriptions, retained,
                router);
    }

    /** Starts the periodic {@code $SYS} publication. */
    public void start() {
        long interval = config.sysInterval().toMillis();
        if (interval > 0) {
            sys.publish(clock.millis());
            scheduleSys(interval);
        }
    }

    private void scheduleSys(long interval) {
        sysTask = loops.loops().get(0).schedule(() -> {
            sys.publish(clock.millis());
            scheduleSys(interval);
        }, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops {@code $SYS} and closes every connection with "server shutting down". */
    public void shutdown() {
        if (sysTask != null) {
            sysTask.cancel();
        }
        for (Session session : sessions.all()) {
            session.disconnect(DisconnectCause.SERVER_SHUTTING_DOWN);
        }
    }

    /** Attaches a connection to its session; see {@link SessionRegistry#connect}. */
    public CompletableFuture<ConnectOutcome> connect(ConnectRequest request, ClientConnection connection) {
        return sessions.connect(request, connection);
    }

    /** Routes a message from a client's session, or from the broker itself when {@code publisher} is null. */
    public void publish(Message message, @Nullable Session publisher) {
        if (publisher != null) {
            metrics.publishBytesReceived(message.payload().length);
        }
        router.publish(message, publisher);
    }

    /** The limits sessions share, which CONNECT negotiation needs. */
    public SessionConfig sessionConfig() {
        return config.sessions();
    }

    public BrokerMetrics metrics() {
        return metrics;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public RetainedIndex retained() {
        return retained;
    }

    public TopicTree<Session> subscriptions() {
        return subscriptions;
    }

    public SysTopics sys() {
        return sys;
    }

    public InstantSource clock() {
        return clock;
    }
}
