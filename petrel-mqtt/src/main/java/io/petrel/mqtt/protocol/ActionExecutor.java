package io.petrel.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the decisions packet handlers return: the one place that writes replies, closes connections,
 * logs refusals and counts them.
 */
public final class ActionExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ActionExecutor.class);

    private ActionExecutor() {
    }

    /** Executes one decision on the connection's event loop. */
    public static void execute(MqttConnection conn, ProtocolAction action) {
        switch (action) {
            case ProtocolAction.Reply reply -> {
                conn.write(reply.packet());
                if (reply.afterwards() != null) {
                    reply.afterwards().run();
                }
            }
            case ProtocolAction.Refuse refuse -> {
                record(conn, refuse.error());
                conn.closeAfter(conn.rules().connAckRefusal(refuse.error()));
            }
            case ProtocolAction.Disconnect disconnect -> {
                ProtocolError error = disconnect.error();
                record(conn, error);
                // [MQTT-3.14.0-1] no DISCONNECT before a successful CONNACK.
                boolean tell = conn.state() == MqttConnection.State.CONNECTED && error.sendsDisconnect();
                MqttMessage last = tell ? conn.rules().disconnect(error) : null;
                conn.closeAfter(last);
            }
            case ProtocolAction.Close close -> conn.closeAfter(null);
            case ProtocolAction.Nothing nothing -> {
            }
        }
    }

    private static void record(MqttConnection conn, ProtocolError error) {
        if (conn.state() == MqttConnection.State.CLOSED) {
            return;
        }
        conn.protocol().engine().metrics().closed(error.name());
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: closing: {} (0x{})", conn, error.description(), Integer.toHexString(error.reasonCode()));
        }
    }
}
