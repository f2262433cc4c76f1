package io.petrel.cli.client;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Connects a {@link CliClient} as the command line asks: URL form, TLS, MQTT version, credentials, will. */
final class CliClients {
    private CliClients() {
    }

    /**
     * Connects and waits for the CONNACK.
     *
     * @param onMessage receives every PUBLISH the broker sends, on the client's thread
     * @param onLost called once if the connection ends other than by {@link CliClient#close()}, with the words
     * @throws ClientFailure if the broker is unreachable or refuses the connection
     */
    static CliClient connect(ConnectionOptions options, Consumer<ReceivedMessage> onMessage, Consumer<String> onLost)
            throws ClientFailure {
        Endpoint endpoint = options.endpoint();
        AtomicBoolean connected = new AtomicBoolean();
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .socketConnectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (endpoint.transport().tls()) {
            transport = transport.sslConfig(sslConfig(options.tls()));
        }
        if (endpoint.transport().webSocket()) {
            transport = transport.webSocketConfig(MqttWebSocketConfig.builder().serverPath(endpoint.path()).build());
        }
        MqttClientBuilder builder = MqttClient.builder()
                .transportConfig(transport.build())
                .addDisconnectedListener(context -> {
                    if (connected.getAndSet(false) && context.getSource() != MqttDisconnectSource.USER) {
                        onLost.accept(Failures.lost(context.getCause()));
                    }
                    stopReconnecting(context);
                });
        if (options.clientId() != null) {
            builder = builder.identifier(options.clientId());
        }
        CliClient client = options.v5()
                ? Mqtt5CliClient.connect(builder.useMqttVersion5(), options, endpoint, onMessage)
                : Mqtt3CliClient.connect(builder.useMqttVersion3(), options, endpoint, onMessage);
        connected.set(true);
        return client;
    }

    private static void stopReconnecting(MqttClientDisconnectedContext context) {
        context.getReconnector().reconnect(false);
    }

    private static MqttClientSslConfig sslConfig(ConnectionOptions.@Nullable Tls tls) throws ClientFailure {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
        if (tls == null) {
            return ssl.build();
        }
        try {
            if (tls.caFile != null) {
                ssl = ssl.trustManagerFactory(PemFiles.trustManagers(tls.caFile));
            }
            if (tls.certFile != null && tls.keyFile != null) {
                ssl = ssl.keyManagerFactory(PemFiles.keyManagers(tls.certFile, tls.keyFile));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ClientFailure(ExitCodes.USAGE, "cannot read TLS files: " + e.getMessage());
        }
        if (tls.insecure) {
            ssl = ssl.hostnameVerifier((host, session) -> true);
        }
        return ssl.build();
    }
}
