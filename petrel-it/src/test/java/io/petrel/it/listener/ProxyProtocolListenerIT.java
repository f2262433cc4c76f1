package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.transport.proxy.ProxyProtocolHandler;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PROXY protocol, v1 and v2, sent on a raw socket as a load balancer would, ahead of MQTT. */
class ProxyProtocolListenerIT {
    private static final RecordingAuthenticator AUTH = new RecordingAuthenticator();
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        ListenerConfig proxied = ListenerConfig.tcp("proxied", EmbeddedPetrel.HOST, 0).withProxyProtocol(true);
        ListenerConfig direct = ListenerConfig.tcp("direct", EmbeddedPetrel.HOST, 0);
        petrel = EmbeddedPetrel.start(b -> b.config(EmbeddedPetrel.testConfig().withListeners(List.of(proxied, direct)))
                .authenticator(AUTH));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    /** Sends bytes and returns the first four bytes back, or fewer if the server closed. */
    private static byte[] exchange(String listener, byte[]... parts) throws Exception {
        try (Socket socket = new Socket(EmbeddedPetrel.HOST, petrel.port(listener))) {
            socket.setSoTimeout(30_000);
            for (byte[] part : parts) {
                socket.getOutputStream().write(part);
            }
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return in.readNBytes(4);
        }
    }

    @Test
    void aV1HeaderGivesTheClientAddress() throws Exception {
        byte[] header = "PROXY TCP4 198.51.100.23 192.0.2.1 40123 1883\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(exchange("proxied", header, RawMqtt.connect("v1-client"))).containsExactly(RawMqtt.CONNACK);
        var address = AUTH.attempt("v1-client").remoteAddress();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("198.51.100.23");
        assertThat(address.getPort()).isEqualTo(40123);
    }

    @Test
    void aV2HeaderGivesTheClientAddress() throws Exception {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        header.write(0x21); // version 2, PROXY command
        header.write(0x11); // TCP over IPv4
        header.writeBytes(new byte[] {0x00, 0x0C}); // 12 bytes of addresses
        header.writeBytes(new byte[] {(byte) 203, 0, 113, 42}); // source
        header.writeBytes(new byte[] {(byte) 192, 0, 2, 1}); // destination
        header.writeBytes(new byte[] {(byte) 0xD4, 0x31}); // source port 54321
        header.writeBytes(new byte[] {0x07, 0x5B}); // destination port 1883
        assertThat(exchange("proxied", header.toByteArray(), RawMqtt.connect("v2-client")))
                .containsExactly(RawMqtt.CONNACK);
        var address = AUTH.attempt("v2-client").remoteAddress();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("203.0.113.42");
        assertThat(address.getPort()).isEqualTo(54321);
    }

    @Test
    void aConnectionWithoutAHeaderIsClosedOnAProxyListener() throws Exception {
        long before = petrel.metrics().closedCount(ProxyProtocolHandler.CLOSE_REASON);
        assertThat(exchange("proxied", RawMqtt.connect("no-header"))).isEmpty();
        assertThat(petrel.metrics().closedCount(ProxyProtocolHandler.CLOSE_REASON)).isEqualTo(before + 1);
    }

    @Test
    void aListenerWithoutProxyProtocolSeesTheSocketAddress() throws Exception {
        assertThat(exchange("direct", RawMqtt.connect("direct-client"))).containsExactly(RawMqtt.CONNACK);
        assertThat(AUTH.attempt("direct-client").remoteAddress().getAddress().getHostAddress())
                .isEqualTo("127.0.0.1");
    }
}
