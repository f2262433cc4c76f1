package io.petrel.mqtt.protocol;

import io.petrel.api.ClientInfo;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every connection that completed CONNECT, so that connections can be ended from outside the protocol layer:
 * when a credential is revoked, or by an operator. Connections join and leave once each, at CONNACK and at
 * close; nothing on the message path touches this set.
 */
public final class LiveConnections {
    private final Set<MqttConnection> connections = ConcurrentHashMap.newKeySet();

    void add(MqttConnection conn) {
        connections.add(conn);
    }

    void remove(MqttConnection conn) {
        connections.remove(conn);
    }

    /** How many clients are connected. */
    public int size() {
        return connections.size();
    }

    /**
     * Ends every connection whose client matches, on its own event loop, where the client is checked again so
     * that a connection which changed hands in between is left alone.
     *
     * @return how many connections were asked to end
     */
    public int disconnect(Predicate<ClientInfo> which, ProtocolError reason) {
        int count = 0;
        for (MqttConnection conn : connections) {
            ClientInfo client = conn.client();
            if (client != null && which.test(client)) {
                count++;
                conn.onLoop(() -> {
                    ClientInfo current = conn.client();
                    if (current != null && which.test(current)) {
                        ActionExecutor.execute(conn, ProtocolAction.disconnect(reason));
                    }
                });
            }
        }
        return count;
    }
}
