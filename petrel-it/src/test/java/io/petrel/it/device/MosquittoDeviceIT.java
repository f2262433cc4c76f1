package io.petrel.it.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debian's mosquitto_pub as a device, as the README shows it: the access token as user name. */
class MosquittoDeviceIT {
    private static DeviceServer server;

    @BeforeAll
    static void start() {
        server = DeviceServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void mosquittoPubSendsTelemetryThatIsStored(String version) throws Exception {
        Device device = server.device("mosquitto-" + version);
        Process pub = run("mosquitto_pub", "-V", version, "-u", server.token(device), "-q", "1",
                "-t", "v1/devices/me/telemetry", "-m", "{\"temp\":21.5,\"state\":\"on\"}");
        assertThat(pub.exitValue()).as(output(pub)).isZero();
        // With QoS 1, mosquitto_pub exits once the PUBACK arrived, which the platform sends once stored.
        Map<String, KvValue> stored = server.latest(device.id()).stream()
                .collect(Collectors.toMap(TsEntry::key, TsEntry::value));
        assertThat(stored).containsEntry("temp", KvValue.of(21.5)).containsEntry("state", KvValue.of("on"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void mosquittoPubWithAWrongTokenIsRefused(String version) throws Exception {
        Process pub = run("mosquitto_pub", "-V", version, "-u", "not-a-token", "-q", "1",
                "-t", "v1/devices/me/telemetry", "-m", "{}");
        assertThat(pub.exitValue()).isNotZero();
        assertThat(output(pub).toLowerCase()).contains(version.equals("mqttv5") ? "bad user name or password"
                : "not authori");
    }

    private static Process run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(List.of("-h", server.petrel.host(), "-p", Integer.toString(server.petrel.port())));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return process;
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
