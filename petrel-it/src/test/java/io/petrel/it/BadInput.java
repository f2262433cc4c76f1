package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.LogCapture;
import io.petrel.testkit.RawMqttClient;
import java.time.Duration;

/**
 * Checks what a server does with one piece of bad input: the answer on the wire, the counter, the DEBUG line,
 * and that a bystander is still served. Open one per case, around the bad input.
 */
final class BadInput implements AutoCloseable {
    private final EmbeddedPetrel petrel;
    private final Bystander bystander;
    private final String counter;
    private final long before;
    private final LogCapture log = LogCapture.debug(ActionExecutor.class);

    private BadInput(EmbeddedPetrel petrel, Bystander bystander, String counter) {
        this.petrel = petrel;
        this.bystander = bystander;
        this.counter = counter;
        this.before = petrel.metrics().closedCount(counter);
    }

    /** Starts watching for a connection closed for the reason a counter names. */
    static BadInput expect(EmbeddedPetrel petrel, Bystander bystander, String counter) {
        return new BadInput(petrel, bystander, counter);
    }

    /** A connected client of the given level, with a client id unique to the case. */
    static RawMqttClient connected(EmbeddedPetrel petrel, int level, String clientId) {
        RawMqttClient client = RawMqttClient.open(petrel, level);
        client.connect(clientId);
        return client;
    }

    /** The server sends DISCONNECT with this reason code, then closes the connection. */
    static void assertDisconnect(RawMqttClient client, int reasonCode) {
        MqttMessage packet = client.read();
        assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) packet.variableHeader()).reasonCode() & 0xFF)
                .as("DISCONNECT reason code").isEqualTo(reasonCode);
        client.expectClosedSilently();
    }

    /** The server refuses the CONNECT with a CONNACK of this code, then closes the connection. */
    static void assertConnAck(RawMqttClient client, int code) {
        MqttConnAckMessage connAck = client.read(MqttConnAckMessage.class);
        assertThat(connAck.variableHeader().connectReturnCode().byteValue() & 0xFF).as("CONNACK code")
                .isEqualTo(code);
        assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
        client.expectClosedSilently();
    }

    /**
     * Fails unless the connection was counted once under the counter, a DEBUG line gave the reason, and the
     * bystander is still served.
     */
    @Override
    public void close() {
        String reason = ProtocolError.valueOf(counter).description();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(petrel.metrics().closedCount(counter)).as("counter " + counter).isEqualTo(before + 1);
                assertThat(log.hasDebug(reason)).as("a DEBUG line saying " + reason).isTrue();
            });
            bystander.assertStillServed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            log.close();
        }
    }
}
