package io.petrel.mqtt.handler;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.api.ClientInfo;
import io.petrel.engine.session.Session;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.platform.api.DeviceTopic;
import io.petrel.platform.api.DeviceTopics;
import io.petrel.platform.api.PublishDecision;
import io.petrel.platform.api.ReasonCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's PUBLISH to the device platform. The platform serves the device API topics, the device's own
 * telemetry topics in the streaming namespace, and whatever the authorizer does not let the device publish to
 * the broker, which it answers as an unknown topic (device-api.md §17). Every QoS 2 PUBLISH goes there too:
 * device sessions take QoS 0 and 1 only, and the platform ends the session with 0x9B in turn with the
 * decisions before it, before any PUBREC [MQTT-3.2.2-11].
 *
 * <p>The platform decides off the event loop; its decision is carried out on the loop, in arrival order: the
 * PUBACK with the platform's reason code, then the messages the decision sends, then the DISCONNECT it asks
 * for.
 */
final class DevicePublishHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DevicePublishHandler.class);

    private DevicePublishHandler() {
    }

    /** Whether a device's PUBLISH is the platform's to answer rather than the broker's to route. */
    static boolean forPlatform(MqttConnection conn, ClientInfo client, String topic, int qos) {
        return qos == 2 || !(DeviceTopics.parse(topic) instanceof DeviceTopic.Unknown)
                || !conn.protocol().authorizer().mayPublish(client, topic);
    }

    static ProtocolAction handle(MqttConnection conn, DeviceLink device, MqttPublishMessage publish, String topic,
            Session session) {
        int qos = publish.fixedHeader().qosLevel().value();
        int packetId = publish.variableHeader().packetId();
        int size = publish.payload().readableBytes();
        if (size > conn.protocol().devices().maxPayloadSize()) {
            // device-api.md §0: the platform's payload limit, which getSessionLimits reports to devices.
            return ProtocolAction.disconnect(ProtocolError.DEVICE_PAYLOAD_TOO_LARGE);
        }
        if (qos < 2) {
            ProtocolAction overQuota = PublishHandler.overQuota(conn, session, qos, packetId, size);
            if (overQuota != null) {
                return overQuota;
            }
        }
        conn.protocol().engine().metrics().publishReceived();
        byte[] payload = ByteBufUtil.getBytes(publish.payload());
        CompletionStage<PublishDecision> decision;
        try {
            decision = device.session().onPublish(topic, payload, qos);
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        conn.acks().then(conn, decision, (decided, failure) -> carryOut(conn, device, decided, failure, qos,
                packetId));
        return ProtocolAction.NONE;
    }

    private static void carryOut(MqttConnection conn, DeviceLink device, @Nullable PublishDecision decision,
            @Nullable Throwable failure, int qos, int packetId) {
        if (conn.state() == MqttConnection.State.CLOSED) {
            if (decision != null) {
                // Their senders hear that they failed, once the connection is gone.
                decision.then().forEach(device::deliver);
            }
            return;
        }
        if (decision == null) {
            LOG.warn("{}: the device platform failed to decide on a publish", conn, failure);
            ActionExecutor.execute(conn, ProtocolAction.disconnect(ProtocolError.IMPLEMENTATION_SPECIFIC_ERROR));
            return;
        }
        ReasonCode puback = decision.puback();
        if (puback != null && puback != ReasonCode.SUCCESS || decision.disconnect() != null) {
            conn.protocol().engine().metrics().refused("DEVICE_PUBLISH_"
                    + (puback != null && puback != ReasonCode.SUCCESS ? puback : decision.disconnect()));
            LOG.debug("{}: {}", conn, decision.problem());
        }
        if (puback != null && qos == 1) {
            // MQTT 3 has no reason codes: its PUBACK is plain whatever the platform decided (device-api.md §17).
            ActionExecutor.execute(conn, ProtocolAction.reply(conn.rules().pubAck(packetId, puback.value(),
                    puback == ReasonCode.SUCCESS ? null : decision.problem())));
        }
        decision.then().forEach(device::deliver);
        if (decision.disconnect() != null) {
            ActionExecutor.execute(conn, ProtocolAction.disconnect(ProtocolError.of(decision.disconnect())));
        }
    }
}
