package io.petrel.api.store;

import java.util.List;
import java.util.Set;

/**
 * A persistent session as stored, with everything that is loaded at startup. Queued messages are not: they
 * stay in the store until the client reconnects, and only their number and last sequence are loaded.
 *
 * @param clientId the client id that names the session
 * @param expiryIntervalSeconds the session expiry interval; 4294967295 never expires
 * @param disconnectedAtMillis when the client disconnected, in epoch milliseconds, or -1 if it was connected
 *     when the server stopped
 * @param subscriptions the session's subscriptions
 * @param inboundQos2 packet ids of inbound QoS 2 messages acknowledged with PUBREC and awaiting PUBREL
 * @param queued how many messages the session's queue holds, in flight ones included
 * @param lastSequence the highest sequence number in the session's queue, or 0 when it is empty; new
 *     messages must be given higher ones
 */
public record StoredSession(String clientId, long expiryIntervalSeconds, long disconnectedAtMillis,
        List<StoredSubscription> subscriptions, Set<Integer> inboundQos2, int queued, long lastSequence) {

    public StoredSession {
        subscriptions = List.copyOf(subscriptions);
        inboundQos2 = Set.copyOf(inboundQos2);
    }
}
