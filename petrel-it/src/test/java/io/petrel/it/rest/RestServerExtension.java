package io.petrel.it.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.DevicePlatform;
import io.petrel.testkit.EmbeddedPetrel;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RestServer} for all the tests of a class, with its admin logged in once. Held in a static
 * {@code @RegisterExtension} field, it starts before the class's own {@code @BeforeAll} methods, so that they
 * can already call the API, and closes after the last test.
 */
final class RestServerExtension implements BeforeAllCallback, AfterAllCallback {
    private @Nullable RestServer server;
    private @Nullable RestClient admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RestServer.start();
        admin = server.admin();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    private RestServer server() {
        return Objects.requireNonNull(server, "the server starts before all tests");
    }

    EmbeddedPetrel petrel() {
        return server().petrel();
    }

    DevicePlatform platform() {
        return server().platform();
    }

    /** A client without credentials. */
    RestClient anonymous() {
        return server().anonymous();
    }

    /** A client logged in as the admin of every organization, once for the whole class. */
    RestClient admin() {
        return Objects.requireNonNull(admin, "the admin logs in before all tests");
    }

    /** Creates a device of this name in the default organization over REST, and returns it as the registry has it. */
    Device device(String name) {
        JsonNode view = admin().post("/api/v1/organizations/default/devices", "{\"name\":\"" + name + "\"}").json();
        return platform().registry().device(UUID.fromString(view.get("id").asText())).orElseThrow();
    }

    /** A client with a new API key of an organization, created by the admin. */
    RestClient withApiKeyOf(String keyName, String organization) {
        return anonymous().withBearer(admin().post("/api/v1/api-keys",
                "{\"name\":\"" + keyName + "\",\"organization\":\"" + organization + "\"}").json().get("key").asText());
    }

    /**
     * Connects a HiveMQ MQTT 5 client that logs in with a token as its user name, as devices (their access
     * token) and org apps (their org token) do, and records how its connection ends.
     */
    Mqtt5BlockingClient connect(String clientId, String token, List<MqttClientDisconnectedContext> ends) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(petrel().host()).serverPort(petrel().port())
                .addDisconnectedListener(ends::add).buildBlocking();
        client.connectWith().simpleAuth().username(token).applySimpleAuth().send();
        return client;
    }
}
