package io.petrel.engine.session;

import java.util.HashSet;
import java.util.Set;

/**
 * The packet ids of inbound QoS 2 messages that await their PUBREL, so that a resent PUBLISH is not forwarded
 * again; a persistent session keeps them in the store too. Created when the first arrives. Runs on the
 * session's owner.
 */
final class InboundQos2 {
    private final SessionPersistence persistence;
    private final HashSet<Integer> ids = new HashSet<>(4);

    InboundQos2(SessionPersistence persistence) {
        this.persistence = persistence;
    }

    /** See {@link Session#qos2Arrived}. */
    boolean arrived(int packetId) {
        if (!ids.add(packetId)) {
            return false;
        }
        persistence.addInboundQos2(packetId);
        return true;
    }

    /** See {@link Session#qos2Released}. */
    boolean released(int packetId) {
        if (!ids.remove(packetId)) {
            return false;
        }
        persistence.removeInboundQos2(packetId);
        return true;
    }

    /** Takes up a packet id read from the store at startup. */
    void restore(int packetId) {
        ids.add(packetId);
    }

    Set<Integer> ids() {
        return ids;
    }

    int size() {
        return ids.size();
    }
}
