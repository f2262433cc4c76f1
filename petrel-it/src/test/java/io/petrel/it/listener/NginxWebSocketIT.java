package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx in front of the WebSocket listener, as web apps deploy it: nginx serves {@code /ws_mqtt} and
 * proxies it to Petrel's {@code /mqtt}, adding the client to X-Forwarded-For. scripts/install-test-deps.sh
 * installs nginx; the test runs it on a free port of its own with a config of its own, and stops it.
 */
class NginxWebSocketIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final RecordingAuthenticator AUTH = new RecordingAuthenticator();
    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;
    private static Process nginx;
    private static int nginxPort;

    @BeforeAll
    static void start() throws Exception {
        assertThat(NGINX).as("nginx is installed by scripts/install-test-deps.sh").isExecutable();
        ListenerConfig ws = ListenerConfig.of("ws", ListenerType.WS, EmbeddedPetrel.HOST, 0, null)
                .withTrustedProxies(List.of("127.0.0.1"));
        petrel = EmbeddedPetrel.start(b -> b.config(EmbeddedPetrel.testConfig().withListeners(List.of(ws)))
                .authenticator(AUTH));
        // nginx cannot bind port 0 and report the port, so it is given a free one; should another process take
        // it first, nginx exits and starts again on another.
        for (int attempt = 1; nginx == null; attempt++) {
            int port = LoopbackPorts.free();
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(port, petrel.port("ws")));
            Process started = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", conf.toString(),
                    "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !started.isAlive() || accepts(port));
            if (started.isAlive()) {
                nginx = started;
                nginxPort = port;
            } else {
                assertThat(attempt).as("nginx failed to start: %s", Files.readString(dir.resolve("error.log")))
                        .isLessThan(3);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(30, TimeUnit.SECONDS);
        }
        if (petrel != null) {
            petrel.close();
        }
    }

    private static String config(int listen, int upstream) {
        String d = dir.toString();
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location /ws_mqtt {
                            proxy_pass http://127.0.0.1:%3$d/mqtt;
                            proxy_http_version 1.1;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection "upgrade";
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_read_timeout 1h;
                        }
                    }
                }
                """.formatted(d, listen, upstream);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(EmbeddedPetrel.HOST, port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void hivemqReachesPetrelThroughNginxAndTheForwardedClientAddressIsSeen() {
        Mqtt5BlockingClient client = Clients.hivemq("through-nginx", ListenerType.WS, nginxPort, null, null,
                "/ws_mqtt", Map.of("X-Forwarded-For", "203.0.113.9"));
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter("nginx/echo").qos(MqttQos.AT_LEAST_ONCE).send();
            client.publishWith().topic("nginx/echo").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("via nginx".getBytes(StandardCharsets.UTF_8)).send();
            assertThat(publishes.receive(30, TimeUnit.SECONDS)).isPresent();
            // nginx appended the address it saw (127.0.0.1, a trusted proxy here) to the client's header.
            assertThat(AUTH.attempt("through-nginx").remoteAddress().getAddress().getHostAddress())
                    .isEqualTo("203.0.113.9");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void pahoReachesPetrelThroughNginx() throws Exception {
        MqttClient client = new MqttClient("ws://" + EmbeddedPetrel.HOST + ":" + nginxPort + "/ws_mqtt",
                "paho-through-nginx", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(30);
        client.connect(options);
        try {
            assertThat(AUTH.attempt("paho-through-nginx").remoteAddress().getAddress().getHostAddress())
                    .isEqualTo("127.0.0.1");
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
