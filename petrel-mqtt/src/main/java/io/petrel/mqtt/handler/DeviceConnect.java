package io.petrel.mqtt.handler;

import io.petrel.api.ClientInfo;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.ReasonCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device step of CONNECT: a principal that logged in with device credentials, or as a provision-only
 * session, gets its platform session before its CONNACK (device-api.md §1, §2.1, §12). The device's older
 * sessions beyond its limit are closed with 0x8E, whatever their client ids; a device that went away since
 * its login is refused with 0x87 (MQTT 3: return code 5).
 */
final class DeviceConnect {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceConnect.class);
    private static final AtomicLong SESSIONS = new AtomicLong();

    private DeviceConnect() {
    }

    /** Opens the platform session, then continues the CONNECT on the connection's loop. */
    static void open(MqttConnection conn, ClientInfo client, Runnable then) {
        DeviceLink link = new DeviceLink(conn);
        CompletionStage<OpenDecision> opening;
        try {
            opening = conn.protocol().devices().open(client.principal(), client.protocolLevel(), link);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((decision, failure) -> conn.onLoop(() -> opened(conn, link, decision, failure, then)));
    }

    private static void opened(MqttConnection conn, DeviceLink link, @Nullable OpenDecision decision,
            @Nullable Throwable failure, Runnable then) {
        if (decision == null) {
            LOG.warn("{}: opening the device session failed", conn, failure);
            ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.SERVER_UNAVAILABLE));
            return;
        }
        switch (decision) {
            case OpenDecision.Refuse refuse ->
                    ActionExecutor.execute(conn, ProtocolAction.refuse(ProtocolError.of(refuse.reason())));
            case OpenDecision.Open open -> {
                open.evicted().forEach(older -> older.close(ReasonCode.SESSION_TAKEN_OVER));
                link.opened(open.session());
                if (conn.state() == MqttConnection.State.CLOSED) {
                    link.closed();
                    return;
                }
                conn.device(link);
                then.run();
            }
        }
    }

    /**
     * The name of a device connection's broker session. Device sessions never outlive their connection, and the
     * client id is not the device's identity (device-api.md §0): two devices may well use one client id and must
     * not take each other's session over. The name starts with U+0000, which no client id can contain
     * [MQTT-1.5.4-2], so no client can name, and take over, a device's session either.
     */
    static String sessionKey() {
        return "\u0000device-" + SESSIONS.incrementAndGet();
    }
}
