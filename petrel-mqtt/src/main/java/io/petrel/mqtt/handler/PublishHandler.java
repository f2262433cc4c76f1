package io.petrel.mqtt.handler;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.topic.Topics;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.codec.InboundPublishMapper;
import io.petrel.mqtt.codec.PropertiesCodec;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An inbound PUBLISH: resolves the topic alias, checks what the decoder does not, asks the authorizer, maps
 * the topic into the client's organization namespace and the packet to a domain message once, routes it, and
 * acknowledges it for its QoS. A device's publishes to the device API go to the platform instead
 * ({@link DevicePublishHandler}), whose answers take their place among the acknowledgements.
 */
public final class PublishHandler {
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int PAYLOAD_FORMAT_INVALID = 0x99;
    private static final int TOPIC_NAME_INVALID = 0x90;
    private static final int QUOTA_EXCEEDED = 0x97;
    private static final int UNSPECIFIED_ERROR = 0x80;
    private static final String STORE_FAILED = "the message could not be stored";

    private PublishHandler() {
    }

    public static ProtocolAction handle(MqttConnection conn, MqttPublishMessage publish, Session session,
            ClientInfo client) {
        MqttProperties properties = publish.variableHeader().properties();
        int qos = publish.fixedHeader().qosLevel().value();
        int packetId = publish.variableHeader().packetId();
        String topic = publish.variableHeader().topicName();

        if (qos == 0 && publish.fixedHeader().isDup()) {
            // [MQTT-3.3.1-2] the DUP flag is 0 on every QoS 0 message; the decoder does not check it.
            return ProtocolAction.disconnect(ProtocolError.MALFORMED_PACKET);
        }
        if (conn.rules().isV5()) {
            int alias = PropertiesCodec.intValue(properties, MqttProperties.TOPIC_ALIAS, 0);
            if (alias != 0 || properties.getProperty(MqttProperties.TOPIC_ALIAS) != null) {
                // [MQTT-3.3.2-8] [MQTT-3.3.2-9] an alias of 0 or above the maximum is invalid.
                if (!conn.inboundAliases().isValid(alias)) {
                    return ProtocolAction.disconnect(ProtocolError.TOPIC_ALIAS_INVALID);
                }
                if (topic.isEmpty()) {
                    topic = conn.inboundAliases().get(alias);
                    if (topic == null) {
                        return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
                    }
                } else {
                    conn.inboundAliases().set(alias, topic);
                }
            }
            // [MQTT-3.3.4-6] a client never sends a subscription identifier.
            if (properties.getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER) != null) {
                return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
            }
            // [MQTT-3.3.2-14] a response topic names where to publish: no wildcards.
            String responseTopic = PropertiesCodec.stringValue(properties, MqttProperties.RESPONSE_TOPIC);
            if (responseTopic != null && !Topics.isValidTopicName(responseTopic)) {
                return ProtocolAction.disconnect(ProtocolError.RESPONSE_TOPIC_INVALID);
            }
        }
        // [MQTT-4.7.3-1] a topic name has at least one character.
        if (!Topics.isValidTopicName(topic)) {
            return ProtocolAction.disconnect(ProtocolError.TOPIC_NAME_INVALID);
        }
        if (publish.fixedHeader().isRetain() && !conn.protocol().config().retainAvailable()) {
            // [MQTT-3.2.2-14] retain sent although the CONNACK said it is unavailable: 0x9A, as §3.3.1.3 says.
            return ProtocolAction.disconnect(ProtocolError.RETAIN_NOT_SUPPORTED);
        }
        int format = PropertiesCodec.intValue(properties, MqttProperties.PAYLOAD_FORMAT_INDICATOR, 0);
        if (format > 1) {
            return ProtocolAction.disconnect(ProtocolError.PROTOCOL_ERROR);
        }
        DeviceLink device = conn.device();
        if (device != null) {
            if (DevicePublishHandler.forPlatform(conn, client, topic, qos)) {
                return DevicePublishHandler.handle(conn, device, publish, topic, session);
            }
            // A publish into the device's own namespace is the device's activity too (device-api.md §2.3).
            device.session().onPing();
        }
        if (qos == 2 && !session.qos2Arrived(packetId)) {
            // [MQTT-4.3.3-10] a resent QoS 2 PUBLISH is acknowledged again, never forwarded twice.
            return acknowledge(conn, session, Session.DONE, qos, packetId, 0, null);
        }
        if (qos == 2 && session.qos2Pending() > conn.protocol().config().receiveMaximum()) {
            // [MQTT-3.3.4-7] more unacknowledged QoS 2 than the receive maximum allows: 0x93, as §3.3.4 says.
            return ProtocolAction.disconnect(ProtocolError.RECEIVE_MAXIMUM_EXCEEDED);
        }
        if (format == 1 && !ByteBufUtil.isText(publish.payload(), StandardCharsets.UTF_8)) {
            return refuse(conn, session, qos, packetId, PAYLOAD_FORMAT_INVALID, ProtocolError.PAYLOAD_FORMAT_INVALID);
        }
        ClientLimits limits = conn.protocol().limits();
        if (TopicShape.exceeds(topic, limits)) {
            return refuse(conn, session, qos, packetId, TOPIC_NAME_INVALID, ProtocolError.TOPIC_LIMIT_EXCEEDED);
        }
        // The authorizer sees the topic as the client wrote it; the engine sees it in the client's namespace.
        String internal = conn.protocol().authorizer().mayPublish(client, topic) ? conn.namespace().topicIn(topic) : null;
        if (internal == null) {
            return refuse(conn, session, qos, packetId, NOT_AUTHORIZED, ProtocolError.NOT_AUTHORIZED);
        }
        ProtocolAction overQuota = overQuota(conn, session, qos, packetId, publish.payload().readableBytes());
        if (overQuota != null) {
            return overQuota;
        }
        if (publish.fixedHeader().isRetain() && publish.payload().isReadable()
                && RetainedQuota.full(conn, internal, limits.maxRetainedPerOrganization())) {
            return refuse(conn, session, qos, packetId, QUOTA_EXCEEDED, ProtocolError.RETAINED_QUOTA_EXCEEDED);
        }
        conn.protocol().engine().metrics().publishReceived();
        Message message = InboundPublishMapper.toMessage(publish, internal, client.clientId(),
                conn.protocol().engine().clock().millis());
        CompletableFuture<Void> stored = conn.protocol().engine().publish(message, session);
        return acknowledge(conn, session, stored, qos, packetId, 0, null);
    }

    /**
     * Acknowledges once what the message needs is committed: with durability on, PUBACK and PUBREC promise
     * that a crash loses nothing. If the commit fails, an MQTT 5 client hears so (0x80) and may retry; an MQTT 3
     * client cannot be told, so its connection is closed and it resends on reconnecting [MQTT-4.4.0-1].
     */
    private static ProtocolAction acknowledge(MqttConnection conn, Session session, CompletableFuture<Void> stored,
            int qos, int packetId, int code, @Nullable String reason) {
        if (qos == 0) {
            return ProtocolAction.NONE;
        }
        ProtocolAction ack = ProtocolAction.reply(qos == 1 ? conn.rules().pubAck(packetId, code, reason)
                : conn.rules().pubRec(packetId, code, reason));
        return conn.acks().after(conn, stored, ack, () -> {
            conn.protocol().engine().metrics().refused("PUBLISH_STORE_FAILED");
            if (!conn.rules().isV5()) {
                return ProtocolAction.close();
            }
            if (qos == 2) {
                session.qos2Released(packetId);
            }
            return ProtocolAction.reply(qos == 1 ? conn.rules().pubAck(packetId, UNSPECIFIED_ERROR, STORE_FAILED)
                    : conn.rules().pubRec(packetId, UNSPECIFIED_ERROR, STORE_FAILED));
        });
    }

    /**
     * Takes a PUBLISH from the client's allowance: null when it may go on, else what to do instead. Over its
     * rate, a publisher is slowed down, refused or disconnected, as the limits say.
     */
    static @Nullable ProtocolAction overQuota(MqttConnection conn, Session session, int qos, int packetId,
            int payloadBytes) {
        ClientLimits limits = conn.protocol().limits();
        if (limits.quotaAction() == ClientLimits.QuotaAction.THROTTLE) {
            long pause = conn.publishQuota().acquireOrPause(payloadBytes);
            if (pause > 0) {
                conn.protocol().engine().metrics().refused("PUBLISH_THROTTLED");
                conn.pauseReading(pause);
            }
            return null;
        }
        if (conn.publishQuota().tryAcquire(payloadBytes)) {
            return null;
        }
        if (limits.quotaAction() == ClientLimits.QuotaAction.DISCONNECT) {
            return ProtocolAction.disconnect(ProtocolError.QUOTA_EXCEEDED);
        }
        return refuse(conn, session, qos, packetId, QUOTA_EXCEEDED, ProtocolError.QUOTA_EXCEEDED);
    }

    /**
     * Refuses a message: MQTT 5 says why in the PUBACK or PUBREC; at QoS 0 there is no acknowledgement, so a
     * bad payload ends the connection while an unauthorized or over-quota one is dropped. MQTT 3 has no way to
     * say no, so the message is dropped and acknowledged as usual (MQTT 3.1.1 [MQTT-3.3.5-2]).
     */
    private static ProtocolAction refuse(MqttConnection conn, Session session, int qos, int packetId,
            int reasonCode, ProtocolError error) {
        conn.protocol().engine().metrics().refused("PUBLISH_" + error.name());
        boolean v5 = conn.rules().isV5();
        int code = v5 ? reasonCode : 0;
        if (qos == 2 && v5) {
            // A PUBREC with an error code ends the exchange: no PUBREL follows.
            session.qos2Released(packetId);
        }
        if (qos == 0) {
            return error == ProtocolError.PAYLOAD_FORMAT_INVALID && v5
                    ? ProtocolAction.disconnect(error) : ProtocolAction.NONE;
        }
        // In line behind any acknowledgement still waiting for its commit [MQTT-4.6.0-2].
        return acknowledge(conn, session, qos == 2 ? session.lastWrite() : Session.DONE, qos, packetId, code,
                error.description());
    }
}
