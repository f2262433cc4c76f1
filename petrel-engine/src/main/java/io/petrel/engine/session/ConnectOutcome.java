package io.petrel.engine.session;

/**
 * The result of attaching a connection to a session.
 *
 * @param session the session, now owned by the connection's loop
 * @param sessionPresent whether an existing session was resumed [MQTT-3.2.2-2] [MQTT-3.2.2-3]
 */
public record ConnectOutcome(Session session, boolean sessionPresent) {
}
