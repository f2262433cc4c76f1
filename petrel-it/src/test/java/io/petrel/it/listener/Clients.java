package io.petrel.it.listener;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.petrel.mqtt.listener.ListenerType;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.jspecify.annotations.Nullable;

/** Real clients set up for each kind of listener. */
final class Clients {
    static final String HOST = "127.0.0.1";

    private Clients() {
    }

    /** A HiveMQ MQTT 5 client for a listener of the given kind. */
    static Mqtt5BlockingClient hivemq(String id, ListenerType type, int port, @Nullable TrustManagerFactory trust,
            @Nullable KeyManagerFactory keys, String path, Map<String, String> headers) {
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().identifier(id).serverHost(HOST)
                .serverPort(port);
        if (type.secure()) {
            builder.sslConfig(MqttClientSslConfig.builder().trustManagerFactory(trust).keyManagerFactory(keys)
                    .build());
        }
        if (type.webSocket()) {
            builder.webSocketConfig(MqttWebSocketConfig.builder().serverPath(path.substring(1)).subprotocol("mqtt")
                    .httpHeaders(headers).build());
        }
        return builder.buildBlocking();
    }

    static Mqtt5BlockingClient hivemq(String id, ListenerType type, int port, @Nullable TrustManagerFactory trust) {
        return hivemq(id, type, port, trust, null, "/mqtt", Map.of());
    }

    /** The URI Paho expects for a listener of the given kind. */
    static String pahoUri(ListenerType type, int port) {
        return switch (type) {
            case TCP -> "tcp://" + HOST + ":" + port;
            case TLS -> "ssl://" + HOST + ":" + port;
            case WS -> "ws://" + HOST + ":" + port + "/mqtt";
            case WSS -> "wss://" + HOST + ":" + port + "/mqtt";
        };
    }

    /** Paho options for a listener kind; secure kinds trust the given context's CA. */
    static MqttConnectOptions pahoOptions(ListenerType type, @Nullable SSLContext tls) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(30);
        if (type.secure() && tls != null) {
            options.setSocketFactory(tls.getSocketFactory());
        }
        return options;
    }

    static String name(ListenerType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
