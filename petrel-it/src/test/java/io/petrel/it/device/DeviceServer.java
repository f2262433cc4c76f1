package io.petrel.it.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.api.Principal;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.registry.NewDevice;
import io.petrel.server.ServerConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A server with the device platform for device tests: short RPC timeouts so that timeouts are testable, and
 * helpers to register devices and read what the platform stored.
 */
final class DeviceServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The defaults of device-api.md, with RPC timeouts short enough to wait for in a test. */
    static final PlatformConfig TEST_PLATFORM = new PlatformConfig(65_536, 100, PlatformConfig.RateLimits.DEFAULTS,
            1, 2_000, 1_000, 2_000, 200, 600_000, 600_000, 5_000, 60_000, 60_000,
            PlatformConfig.DEFAULTS.kv());

    final EmbeddedPetrel petrel;
    final DevicePlatform platform;

    private DeviceServer(EmbeddedPetrel petrel) {
        this.petrel = petrel;
        this.platform = Objects.requireNonNull(petrel.server().devicePlatform(), "the device platform is on");
    }

    static DeviceServer start() {
        return start(config -> config);
    }

    /** A server with the test platform settings, adjusted. */
    static DeviceServer start(UnaryOperator<ServerConfig> change) {
        return new DeviceServer(EmbeddedPetrel.withConfig(config -> change.apply(
                config.withDevices(config.devices().withPlatform(TEST_PLATFORM)))));
    }

    /** Registers a device of the default organization, with a generated access token. */
    Device device(String name) {
        return device(Principal.DEFAULT_ORGANIZATION, name);
    }

    /** Registers a device of an organization, creating the organization if needed. */
    Device device(String organization, String name) {
        if (platform.registry().organization(organization).isEmpty()) {
            platform.registry().createOrganization(organization, organization, 0).value();
        }
        return platform.registry().createDevice(NewDevice.named(organization, name)).value();
    }

    /** A device's access token. */
    String token(Device device) {
        return platform.registry().credentials(device.id()).orElseThrow().value();
    }

    /** Gives a device MQTT basic credentials instead of its token. */
    void basicCredentials(Device device, String clientId, String userName, String password) {
        platform.registry().setCredentials(device.id(), new CredentialsSpec.MqttBasic(clientId, userName, password))
                .value();
    }

    /** The latest stored value of every key of a device. */
    List<TsEntry> latest(UUID deviceId) {
        return platform.telemetry().latest(deviceId, null);
    }

    /** An MQTT 5 HiveMQ client that logs in with a device's access token, as the official SDK does. */
    Mqtt5BlockingClient sdk(String clientId, String token) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(petrel.host()).serverPort(petrel.port())
                .simpleAuth().username(token).applySimpleAuth()
                .buildBlocking();
    }

    static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(payload, StandardCharsets.UTF_8), e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        petrel.close();
    }
}
