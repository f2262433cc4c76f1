package io.petrel.mqtt.handler;

import io.petrel.api.ClientInfo;
import io.petrel.api.auth.AuthResult;
import io.petrel.engine.session.ConnectOutcome;
import io.petrel.engine.session.ConnectRequest;
import io.petrel.engine.session.Session;
import io.petrel.engine.session.Will;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.ConnAckProperties;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous half of CONNECT: once the authenticator answers, attaches the session; once the engine
 * has attached it, sends the CONNACK, arms keep alive and lets the session start delivering. Every step runs
 * on the connection's event loop.
 */
final class ConnectCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectCompletion.class);

    private final MqttConnection conn;
    private final String clientId;
    private final @Nullable String assignedId;
    private final boolean cleanStart;
    private final long grantedExpiryToAnnounce;
    private final int keepAliveSeconds;
    private final int serverKeepAlive;
    private final @Nullable Will will;
    private final @Nullable String username;
    private final int protocolLevel;

    ConnectCompletion(MqttConnection conn, String clientId, @Nullable String assignedId, boolean cleanStart,
            long grantedExpiryToAnnounce, int keepAliveSeconds, int serverKeepAlive, @Nullable Will will,
            @Nullable String username, int protocolLevel) {
        this.conn = conn;
        this.clientId = clientId;
        this.assignedId = assignedId;
        this.cleanStart = cleanStart;
        this.grantedExpiryToAnnounce = grantedExpiryToAnnounce;
        this.keepAliveSeconds = keepAliveSeconds;
        this.serverKeepAlive = serverKeepAlive;
        this.will = will;
        this.username = username;
        this.protocolLevel = protocolLevel;
    }

    void authenticated(@Nullable AuthResult result, @Nullable Throwable failure) {
        if (conn.state() == MqttConnection.State.CLOSED) {
            return;
        }
        if (failure != null || result == null) {
            LOG.warn("authentication of {} failed", clientId, failure);
            ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.SERVER_UNAVAILABLE));
            return;
        }
        switch (result) {
            case AuthResult.Refused refused ->
                    ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.of(refused.reason())));
            // No authenticator recognised the credentials.
            case AuthResult.Abstained abstained ->
                    ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.BAD_USERNAME_OR_PASSWORD));
            case AuthResult.Accepted accepted -> admit(new ClientInfo(clientId, username, conn.remoteAddress(),
                    protocolLevel, conn.listener(), accepted.principal(), conn.clientCertificate()));
        }
    }

    /** Counts the connection against the client limits, then checks and maps the will. */
    private void admit(ClientInfo client) {
        AuthResult.Refusal refusal = conn.protocol().limits().admit(client);
        if (refusal != null) {
            ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.of(refusal)));
            return;
        }
        conn.admitted(client);
        boolean device = client.principal().isDevice();
        String sessionKey = device ? DeviceConnect.sessionKey() : conn.namespace().sessionKey(clientId);
        if (sessionKey == null) {
            ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.CLIENT_IDENTIFIER_NOT_VALID));
            return;
        }
        Will mapped = will;
        if (will != null) {
            // A will is a PUBLISH made later on the client's behalf: the same authorization and namespace apply.
            String topic = will.message().topic();
            String internal = conn.protocol().authorizer().mayPublish(client, topic)
                    ? conn.namespace().topicIn(topic) : null;
            if (internal == null) {
                conn.protocol().engine().metrics().refused("WILL_NOT_AUTHORIZED");
                ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.NOT_AUTHORIZED));
                return;
            }
            mapped = new Will(will.message().withTopic(internal), will.delaySeconds(), will.expirySeconds());
        }
        Will sessionWill = mapped;
        if (device) {
            DeviceConnect.open(conn, client, () -> attach(client, sessionKey, sessionWill));
        } else {
            attach(client, sessionKey, sessionWill);
        }
    }

    /**
     * Attaches the session, named in the client's organization so that equal client ids of two organizations
     * never share, or take over, one session. A device's session starts clean and ends with its connection
     * (device-api.md §0).
     */
    private void attach(ClientInfo client, String sessionKey, @Nullable Will mappedWill) {
        ClientInfo sessionClient = sessionKey.equals(client.clientId()) ? client : new ClientInfo(sessionKey,
                client.username(), client.remoteAddress(), client.protocolLevel(), client.listener(),
                client.principal());
        boolean device = conn.device() != null;
        ConnectRequest request = new ConnectRequest(sessionClient, cleanStart || device,
                device ? 0 : conn.sessionExpiryAtConnect(), mappedWill);
        conn.protocol().engine().connect(request, conn)
                .whenComplete((outcome, failure) -> conn.onLoop(() -> attached(client, outcome, failure)));
    }

    private void attached(ClientInfo client, @Nullable ConnectOutcome outcome, @Nullable Throwable failure) {
        if (failure != null || outcome == null) {
            LOG.error("attaching the session of {} failed", clientId, failure);
            ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.SERVER_UNAVAILABLE));
            return;
        }
        Session session = outcome.session();
        if (conn.state() == MqttConnection.State.CLOSED) {
            // The client left while its session was being attached: detach it as an abnormal end.
            session.run(() -> session.detach(conn, true, -1));
            return;
        }
        conn.connected(session, client);
        MqttProtocolConfig config = conn.protocol().config();
        DeviceLink device = conn.device();
        if (device != null) {
            device.attached();
        }
        // A device session is never resumed, takes QoS 0 and 1 only, and ends with its connection, whatever
        // expiry the client asked for (device-api.md §0) [MQTT-3.2.2-9].
        long expiryToAnnounce = device != null && conn.sessionExpiryAtConnect() != 0 ? 0 : grantedExpiryToAnnounce;
        conn.write(conn.rules().connAck(new ConnAckProperties(outcome.sessionPresent(), assignedId,
                expiryToAnnounce, serverKeepAlive, config.receiveMaximum(), config.maxPacketSize(),
                config.topicAliasMaximum(), config.retainAvailable(), device != null ? 1 : 2)));
        conn.armKeepAlive(keepAliveSeconds);
        if (client.principal().expires()) {
            conn.expireAt(client.principal().expiresAtMillis());
        }
        session.resume(conn);
        conn.resumeReading();
    }
}
