package io.petrel.platform.session;

import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.api.TopicFamily;
import io.petrel.platform.attributes.SharedAttributeListener;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.kv.KvEntry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sessions of every device. A device has at most {@code maxSessionsPerDevice}; registering one
 * more evicts the oldest, whatever their client ids (device-api.md §2.1). Shared-attribute changes are pushed
 * from here to every session of the device that subscribed to them, one message per save (§8).
 */
public final class DeviceSessions implements SharedAttributeListener {
    private final Map<UUID, List<SessionHandle>> byDevice = new ConcurrentHashMap<>();
    private final int maxSessionsPerDevice;
    private final PresenceListener presence;
    private final InstantSource clock;

    public DeviceSessions(int maxSessionsPerDevice, PresenceListener presence, InstantSource clock) {
        if (maxSessionsPerDevice < 1) {
            throw new IllegalArgumentException("maxSessionsPerDevice must be at least 1");
        }
        this.maxSessionsPerDevice = maxSessionsPerDevice;
        this.presence = presence;
        this.clock = clock;
    }

    /**
     * Registers a new session and returns the sessions it evicts, oldest first, which the caller closes with
     * {@link ReasonCode#SESSION_TAKEN_OVER}. They are no longer registered when this returns.
     */
    public List<SessionHandle> register(SessionHandle session) {
        List<SessionHandle> evicted = new ArrayList<>();
        boolean[] first = new boolean[1];
        byDevice.compute(session.device().id(), (id, current) -> {
            List<SessionHandle> sessions = current == null ? new ArrayList<>() : new ArrayList<>(current);
            first[0] = sessions.isEmpty();
            sessions.add(session);
            sessions.sort(Comparator.comparingLong(SessionHandle::sequence));
            while (sessions.size() > maxSessionsPerDevice) {
                evicted.add(sessions.remove(0));
            }
            return List.copyOf(sessions);
        });
        if (first[0]) {
            presence.connected(session.device(), clock.millis());
        }
        return evicted;
    }

    /** Forgets a session that closed; the device's last one makes it disconnected. */
    public void unregister(SessionHandle session) {
        boolean[] last = new boolean[1];
        byDevice.computeIfPresent(session.device().id(), (id, current) -> {
            if (!current.contains(session)) {
                return current;
            }
            List<SessionHandle> sessions = new ArrayList<>(current);
            sessions.remove(session);
            last[0] = sessions.isEmpty();
            return sessions.isEmpty() ? null : List.copyOf(sessions);
        });
        if (last[0]) {
            presence.disconnected(session.device(), clock.millis());
        }
    }

    /** A device's live sessions, oldest first. */
    public List<SessionHandle> sessions(UUID deviceId) {
        return byDevice.getOrDefault(deviceId, List.of());
    }

    /** Ends every session of a device, as when its credentials change; the device becomes disconnected. */
    public void closeAll(UUID deviceId, ReasonCode reason) {
        for (SessionHandle session : sessions(deviceId)) {
            unregister(session);
            session.downlink().close(reason);
        }
    }

    /**
     * Ends every session of a deleted device without recording its disconnection, which would write
     * attributes of a device that no longer exists.
     */
    public void closeDeleted(UUID deviceId, ReasonCode reason) {
        List<SessionHandle> sessions = byDevice.remove(deviceId);
        if (sessions != null) {
            sessions.forEach(session -> session.downlink().close(reason));
        }
    }

    /** Closes sessions with no traffic for the timeout (device-api.md §2.3), and returns how many. */
    public int closeStale(long nowMillis, long timeoutMillis) {
        int closed = 0;
        for (List<SessionHandle> sessions : byDevice.values()) {
            for (SessionHandle session : sessions) {
                if (nowMillis - session.lastTrafficMillis() >= timeoutMillis) {
                    unregister(session);
                    session.downlink().close(ReasonCode.MAXIMUM_CONNECT_TIME);
                    closed++;
                }
            }
        }
        return closed;
    }

    @Override
    public void sharedUpdated(UUID deviceId, List<KvEntry> entries) {
        byte[] payload = JsonWriter.bytes(out -> {
            out.writeStartObject();
            for (KvEntry kv : entries) {
                out.writeFieldName(kv.key());
                JsonWriter.write(out, kv.value());
            }
            out.writeEndObject();
        });
        push(deviceId, payload);
    }

    @Override
    public void sharedDeleted(UUID deviceId, List<String> keys) {
        byte[] payload = JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("deleted");
            for (String key : keys) {
                out.writeString(key);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
        push(deviceId, payload);
    }

    private void push(UUID deviceId, byte[] payload) {
        for (SessionHandle session : sessions(deviceId)) {
            TopicFamily family = session.attributePushes();
            if (family != null) {
                String topic = family.attributePushTopic();
                session.downlink().send(new Outbound(topic, payload, session.qosFor(topic), null));
            }
        }
    }
}
