package io.petrel.mqtt.handler;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.engine.session.SessionConfig;
import io.petrel.engine.session.Will;
import io.petrel.mqtt.codec.PropertiesCodec;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.Negotiated;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.mqtt.protocol.VersionRules;

/**
 * CONNECT: checks what the decoder does not, negotiates the session's terms, and starts authentication.
 * The rest happens asynchronously in {@link ConnectCompletion}; until then the connection reads nothing and
 * holds what already arrived.
 */
public final class ConnectHandler {
    private ConnectHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttConnectMessage connect) {
        if (conn.state() != MqttConnection.State.AWAITING_CONNECT) {
            // [MQTT-3.1.0-2] a second CONNECT is a protocol error.
            return ProtocolAction.disconnect(ProtocolError.SECOND_CONNECT);
        }
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectPayload payload = connect.payload();
        MqttProperties properties = header.properties();
        boolean v5 = header.version() == 5;
        VersionRules rules = VersionRules.forConnect(header);
        MqttProtocolConfig config = conn.protocol().config();

        String requestedId = payload.clientIdentifier();
        String clientId = requestedId;
        String assignedId = null;
        if (requestedId.isEmpty()) {
            if (!v5 && !header.isCleanSession()) {
                // MQTT 3.1.1 [MQTT-3.1.3-8]: an empty client id needs clean session; MQTT 5 allows it.
                conn.connecting(rules, new Negotiated(0, Long.MAX_VALUE, 0, 0));
                return ProtocolAction.refuse(ProtocolError.CLIENT_IDENTIFIER_NOT_VALID);
            }
            // [MQTT-3.1.3-6] the server assigns a unique id; MQTT 5 returns it in CONNACK [MQTT-3.2.2-16].
            clientId = ClientIds.assign();
            assignedId = v5 ? clientId : null;
        }

        long sessionExpiry = v5
                ? PropertiesCodec.intValue(properties, MqttProperties.SESSION_EXPIRY_INTERVAL, 0) & 0xFFFF_FFFFL
                : header.isCleanSession() ? 0 : SessionConfig.NEVER_EXPIRE;
        long grantedExpiry = Math.min(sessionExpiry, conn.protocol().engine().sessionConfig().maxSessionExpirySeconds());
        int maximumPacketSize = PropertiesCodec.intValue(properties, MqttProperties.MAXIMUM_PACKET_SIZE, 0);
        Negotiated terms = new Negotiated(
                PropertiesCodec.intValue(properties, MqttProperties.RECEIVE_MAXIMUM, 65_535),
                maximumPacketSize == 0 ? Long.MAX_VALUE : maximumPacketSize & 0xFFFF_FFFFL,
                v5 ? PropertiesCodec.intValue(properties, MqttProperties.TOPIC_ALIAS_MAXIMUM, 0) : 0,
                grantedExpiry);
        conn.connecting(rules, terms);

        ProtocolError invalid = ConnectChecks.check(header, payload, v5, config.retainAvailable());
        if (invalid != null) {
            return ProtocolAction.refuse(invalid);
        }
        if (requestedId.length() > config.maxClientIdLength()) {
            // [MQTT-3.1.3-8]; MQTT 3.1.1 [MQTT-3.1.3-9] with return code 0x02. The limit is on what the client
            // asks for: an identifier the server assigned is never refused.
            return ProtocolAction.refuse(ProtocolError.CLIENT_IDENTIFIER_NOT_VALID);
        }
        if (PropertiesCodec.stringValue(properties, MqttProperties.AUTHENTICATION_METHOD) != null) {
            // [MQTT-4.12.0-1] without support for the method, the server refuses with 0x8C.
            return ProtocolAction.refuse(ProtocolError.BAD_AUTHENTICATION_METHOD);
        }

        int keepAlive = header.keepAliveTimeSeconds();
        int serverKeepAlive = -1;
        if (v5 && (keepAlive > config.maxKeepAliveSeconds() || keepAlive == 0 && config.maxKeepAliveSeconds() < 65_535)) {
            // [MQTT-3.2.2-21] the client must use the server keep alive the CONNACK gives it.
            keepAlive = config.maxKeepAliveSeconds();
            serverKeepAlive = keepAlive;
        }
        Will will = WillMapper.toWill(header, payload, clientId);
        ConnectAttempt attempt = new ConnectAttempt(requestedId, payload.userName(), payload.passwordInBytes(),
                conn.remoteAddress(), conn.listener(), header.version(), conn.clientCertificate());
        ConnectCompletion completion = new ConnectCompletion(conn, clientId, assignedId, header.isCleanSession(),
                sessionExpiry == grantedExpiry ? -1 : grantedExpiry, keepAlive, serverKeepAlive, will, payload.userName(),
                header.version());
        conn.protocol().authenticator().authenticate(attempt)
                .whenComplete((result, failure) -> conn.onLoop(() -> completion.authenticated(result, failure)));
        return ProtocolAction.NONE;
    }
}
