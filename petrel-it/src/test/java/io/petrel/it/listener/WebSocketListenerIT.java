package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.websocket.WebSocketFrameToBytes;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MQTT over WebSocket below the client libraries, with the JDK's WebSocket client: subprotocols, packets split
 * across frames and several in one frame, fragmented messages, ping/pong, the frame limit, text frames, paths,
 * and X-Forwarded-For from trusted proxies only.
 */
class WebSocketListenerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RecordingAuthenticator AUTH = new RecordingAuthenticator();
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() {
        ListenerConfig ws = ListenerConfig.of("ws", ListenerType.WS, EmbeddedPetrel.HOST, 0, null)
                .withWebSocket("/mqtt", 1024);
        ListenerConfig behindProxy = ListenerConfig.of("behind-proxy", ListenerType.WS, EmbeddedPetrel.HOST, 0, null)
                .withWebSocket("/custom/path", 1 << 20).withTrustedProxies(List.of("127.0.0.0/8"));
        petrel = EmbeddedPetrel.start(b -> b.config(EmbeddedPetrel.testConfig().withListeners(List.of(ws, behindProxy)))
                .authenticator(AUTH));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    private static URI uri(String listener, String path) {
        return URI.create("ws://" + EmbeddedPetrel.HOST + ":" + petrel.port(listener) + path);
    }

    private static Frames open(String listener, String path, String subprotocol, String... headers) {
        Frames frames = new Frames();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().subprotocols(subprotocol)
                .connectTimeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        frames.socket = builder.buildAsync(uri(listener, path), frames).join();
        return frames;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqtt", "mqttv3.1"})
    void bothSubprotocolsAreAccepted(String subprotocol) {
        Frames frames = open("ws", "/mqtt", subprotocol);
        // [MQTT-6.0.0-4] the server returns the subprotocol it selected.
        assertThat(frames.socket.getSubprotocol()).isEqualTo(subprotocol);
        frames.socket.abort();
    }

    @Test
    void aPacketSplitAcrossFramesAndSeveralPacketsInOneFrameAreDecoded() {
        Frames frames = open("ws", "/mqtt", "mqtt");
        byte[] connect = RawMqtt.connect("split");
        // [MQTT-6.0.0-2] packets are not aligned on frames: CONNECT's head in one frame, its tail with two
        // PINGREQs in the next.
        byte[] head = Arrays.copyOfRange(connect, 0, 5);
        byte[] tail = concat(Arrays.copyOfRange(connect, 5, connect.length), RawMqtt.PINGREQ, RawMqtt.PINGREQ);
        frames.socket.sendBinary(ByteBuffer.wrap(head), true).join();
        frames.socket.sendBinary(ByteBuffer.wrap(tail), true).join();
        frames.awaitBytes(concat(RawMqtt.CONNACK, RawMqtt.PINGRESP, RawMqtt.PINGRESP));
        frames.socket.abort();
    }

    @Test
    void aFragmentedMessageIsReassembled() {
        Frames frames = open("ws", "/mqtt", "mqtt");
        byte[] connect = RawMqtt.connect("fragmented");
        frames.socket.sendBinary(ByteBuffer.wrap(connect, 0, 3), false).join();
        frames.socket.sendBinary(ByteBuffer.wrap(connect, 3, 4), false).join();
        frames.socket.sendBinary(ByteBuffer.wrap(connect, 7, connect.length - 7), true).join();
        frames.awaitBytes(RawMqtt.CONNACK);
        frames.socket.abort();
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        Frames frames = open("ws", "/mqtt", "mqtt");
        frames.socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> frames.pongs > 0);
        frames.socket.abort();
    }

    @Test
    void aFrameLargerThanTheLimitClosesTheConnectionWith1009() {
        Frames frames = open("ws", "/mqtt", "mqtt");
        frames.socket.sendBinary(ByteBuffer.wrap(new byte[2000]), true);
        assertThat(frames.closed.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(1009);
    }

    @Test
    void aTextFrameClosesTheConnection() {
        long before = petrel.metrics().closedCount(WebSocketFrameToBytes.CLOSE_REASON);
        Frames frames = open("ws", "/mqtt", "mqtt");
        // [MQTT-6.0.0-1] MQTT travels in binary frames only.
        frames.socket.sendText("CONNECT", true);
        assertThat(frames.closed.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(1003);
        assertThat(petrel.metrics().closedCount(WebSocketFrameToBytes.CLOSE_REASON)).isEqualTo(before + 1);
    }

    @Test
    void aWrongPathGets404AndAPlainRequestToTheMqttPathGets400() throws Exception {
        String base = "http://" + EmbeddedPetrel.HOST + ":" + petrel.port("ws");
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/elsewhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mqtt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
    }

    @Test
    void theConfiguredPathServesMqttAndTheDefaultPathDoesNot() throws Exception {
        Frames frames = open("behind-proxy", "/custom/path", "mqtt");
        frames.socket.sendBinary(ByteBuffer.wrap(RawMqtt.connect("custom-path")), true).join();
        frames.awaitBytes(RawMqtt.CONNACK);
        frames.socket.abort();
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://" + EmbeddedPetrel.HOST + ":" + petrel.port("behind-proxy") + "/mqtt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void xForwardedForIsBelievedFromATrustedProxyOnly() {
        Frames trusted = open("behind-proxy", "/custom/path", "mqtt", "X-Forwarded-For", "203.0.113.7, 127.0.0.9");
        trusted.socket.sendBinary(ByteBuffer.wrap(RawMqtt.connect("via-proxy")), true).join();
        Frames untrusted = open("ws", "/mqtt", "mqtt", "X-Forwarded-For", "203.0.113.8");
        untrusted.socket.sendBinary(ByteBuffer.wrap(RawMqtt.connect("spoofer")), true).join();

        assertThat(AUTH.attempt("via-proxy").remoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(AUTH.attempt("spoofer").remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        trusted.socket.abort();
        untrusted.socket.abort();
    }

    @Test
    void pahoSpeaksMqtt31OverTheMqttv31Subprotocol() throws Exception {
        String uri = "ws://" + EmbeddedPetrel.HOST + ":" + petrel.port("ws") + "/mqtt";
        MqttClient client = new MqttClient(uri, "paho-31", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        client.connect(options);
        try {
            assertThat(AUTH.attempt("paho-31").protocolLevel()).isEqualTo(3);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Collects what the server sends. */
    private static final class Frames implements WebSocket.Listener {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private volatile int pongs;
        private WebSocket socket;

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            synchronized (received) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                received.writeBytes(bytes);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs++;
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        void awaitBytes(byte[] expected) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                synchronized (received) {
                    assertThat(received.toByteArray()).containsExactly(expected);
                }
            });
        }
    }
}
