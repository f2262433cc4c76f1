package io.petrel.engine.session;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoredSession;
import io.petrel.engine.loop.Loop;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * All sessions by client id. Connecting goes through here: the registry finds or creates the session, then
 * hands the connection to the session's own loop, so that two connections with one client id are attached
 * one after the other, never at once.
 */
public final class SessionRegistry {
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionContext context;

    public SessionRegistry(SessionContext context) {
        this.context = context;
    }

    /**
     * Attaches a connection to the session its client id names, creating it if needed. The future completes
     * once the session is owned by the connection's loop; no PUBLISH reaches the connection until the
     * transport calls {@link Session#resume}.
     */
    public CompletableFuture<ConnectOutcome> connect(ConnectRequest request, ClientConnection connection) {
        CompletableFuture<ConnectOutcome> result = new CompletableFuture<>();
        connect(request, connection, result);
        return result;
    }

    void connect(ConnectRequest request, ClientConnection connection, CompletableFuture<ConnectOutcome> result) {
        Session session = sessions.computeIfAbsent(request.clientId(),
                id -> new Session(id, connection.loop(), context, this));
        session.run(() -> session.attach(request, connection, result));
    }

    /**
     * Recreates a stored session at startup, before any client connects.
     *
     * @param owner the loop that owns it until a client connects
     * @param startedMillis when the server started, from which a session that was connected at the crash
     *     counts its expiry
     */
    public Session restore(StoredSession stored, BrokerStore store, Loop owner, long startedMillis) {
        Session session = new Session(stored.clientId(), owner, context, this);
        sessions.put(stored.clientId(), session);
        session.run(() -> session.restore(stored, store, startedMillis));
        return session;
    }

    void remove(String clientId, Session session) {
        sessions.remove(clientId, session);
    }

    /** The session of a client id, or null. */
    public @Nullable Session get(String clientId) {
        return sessions.get(clientId);
    }

    /** Every session, connected or not. A live view: it may change while it is read. */
    public Collection<Session> all() {
        return sessions.values();
    }

    /** The number of sessions, connected or not. */
    public int size() {
        return sessions.size();
    }
}
