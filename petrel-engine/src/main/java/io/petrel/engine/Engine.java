package io.petrel.engine;

import io.petrel.api.Message;
import io.petrel.api.store.BrokerStore;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker engine: sessions, the subscription index, retained messages and routing, wired together. The
 * transport attaches connections with {@link #connect} and then talks to the returned {@link Session}.
 *
 * <p>With a {@link BrokerStore}, persistent sessions, their queues and the retained messages are written to it
 * and {@link #restore} brings them back at startup. Without one, state lives on the heap only.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final LoopGroup loops;
    private final InstantSource clock;
    private final BrokerMetrics metrics = new BrokerMetrics();
    private final TopicTree<Session> subscriptions = new TopicTree<>();
    private final RetainedIndex retained = new RetainedIndex();
    private final Router router;
    private final SessionRegistry sessions;
    private final SysTopics sys;
    private final @Nullable BrokerStore store;
    private @Nullable Cancellable sysTask;

    /** An engine whose state lives on the heap only. */
    public Engine(EngineConfig config, LoopGroup loops, InstantSource clock) {
        this(config, loops, clock, null);
    }

    /**
     * An engine that keeps persistent sessions and retained messages in a store.
     *
     * @param store the store, or null for state on the heap only
     */
    public Engine(EngineConfig config, LoopGroup loops, InstantSource clock, @Nullable BrokerStore store) {
        this.config = config;
        this.loops = loops;
        this.clock = clock;
        this.store = store;
        this.router = new Router(subscriptions, retained, metrics, clock, store);
        this.sessions = new SessionRegistry(
                new SessionContext(config.sessions(), metrics, clock, subscriptions, retained, router, store));
        this.sys = new SysTopics(config.version(), clock.millis(), metrics, sessions, subscriptions, retained,
                router);
    }

    /**
     * Loads the stored state: retained messages, persistent sessions with their subscriptions (offline, their
     * expiry counting on from when they disconnected) and pending wills. Call once, before accepting clients.
     */
    public void restore() {
        if (store == null) {
            return;
        }
        long started = clock.millis();
        // Retained messages and sessions live in separate tables and separate structures: they load side by
        // side, each on its own read connection.
        CompletableFuture<Void> retainedLoaded = CompletableFuture.runAsync(() -> store.loadRetained(retained::put),
                task -> Thread.ofPlatform().name("petrel-restore-retained").start(task));
        router.startMessageIdsAfter(store.lastMessageId());
        int[] restored = {0};
        long[] queued = {0};
        store.loadSessions(stored -> {
            sessions.restore(stored, store, loops.forKey(stored.clientId()), started);
            restored[0]++;
            queued[0] += stored.queued();
        });
        retainedLoaded.join();
        store.loadWills(pending -> {
            Session session = sessions.get(pending.clientId());
            if (session != null) {
                session.run(() -> session.restoreWill(pending.message(), pending.publishAtMillis()));
            }
        });
        LOG.info("Restored {} retained messages and {} sessions with {} queued messages from {} in {} ms",
                retained.size(), restored[0], queued[0], store.describe(), clock.millis() - started);
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

    /**
     * Routes a message from a client's session, or from the broker itself when {@code publisher} is null.
     *
     * @return a stage that completes once what the message needs in the store, and everything the publisher
     *     wrote before it, is committed; already complete when nothing was written. It completes on the
     *     store's thread: acknowledge on the connection's own loop.
     */
    public CompletableFuture<Void> publish(Message message, @Nullable Session publisher) {
        if (publisher != null) {
            metrics.publishBytesReceived(message.payload().length);
        }
        return router.publish(message, publisher);
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
