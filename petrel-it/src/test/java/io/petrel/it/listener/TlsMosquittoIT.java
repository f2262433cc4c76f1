package io.petrel.it.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's mosquitto_sub reaches the TLS listener with nothing but the development CA file. */
class TlsMosquittoIT {
    @TempDir
    Path dataDir;

    @Test
    void mosquittoSubConnectsWithTheGeneratedCaFile() throws Exception {
        ListenerConfig tls = ListenerConfig.of("tls", ListenerType.TLS, EmbeddedPetrel.HOST, 0,
                TlsConfig.development());
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(
                List.of(ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0), tls)).withDataDir(dataDir))) {
            Mqtt5BlockingClient publisher = Clients.hivemq("retainer", ListenerType.TCP, petrel.port("tcp"), null);
            publisher.connect();
            publisher.publishWith().topic("mosquitto/hello").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("hello over tls".getBytes(StandardCharsets.UTF_8)).send();
            publisher.disconnect();

            Path ca = petrel.server().developmentCertificates().caCertificate();
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "localhost", "-p",
                    Integer.toString(petrel.port("tls")), "--cafile", ca.toString(), "-t", "mosquitto/#", "-C", "1",
                    "-W", "30").redirectErrorStream(true).start();
            assertThat(sub.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output.trim()).isEqualTo("hello over tls");
            assertThat(sub.exitValue()).isZero();
        }
    }
}
