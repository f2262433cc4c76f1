package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.petrel.server.store.Durability;
import io.petrel.server.store.StoreConfig;
import io.petrel.server.store.StoreType;
import io.petrel.store.WriterLimits;
import io.petrel.store.postgresql.PostgresTestDatabase;
import io.petrel.store.sqlite.SqlitePlatformDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device platform's data survives a restart on SQLite and on PostgreSQL: telemetry a real MQTT 5 device
 * sent, the registry, attributes and API keys are all there when a new server starts on the same store.
 */
class PlatformRestartIT {
    private static final long T0 = 1_717_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void telemetryAndTheRegistrySurviveARestartOnSqlite() {
        StoreConfig sqlite = StoreConfig.defaults();
        restartKeepsEverything(sqlite);
        assertThat(Files.exists(dir.resolve(SqlitePlatformDatabase.FILE_NAME))).isTrue();
    }

    @Test
    void telemetryAndTheRegistrySurviveARestartOnPostgresql() {
        PostgresTestDatabase schema = PostgresTestDatabase.create();
        try {
            restartKeepsEverything(new StoreConfig(Durability.DURABLE, StoreType.POSTGRESQL, true, schema.url(), null,
                    null, 4, WriterLimits.DEFAULT));
        } finally {
            schema.drop();
        }
    }

    private void restartKeepsEverything(StoreConfig store) {
        String deviceId;
        String apiKey;
        try (RestServer first = RestServer.start(config -> config.withDataDir(dir).withStore(store))) {
            RestClient admin = first.admin();
            assertThat(admin.post("/api/v1/organizations", "{\"id\":\"acme\",\"telemetryTtlMs\":0}").status())
                    .isEqualTo(201);
            JsonNode view = admin.post("/api/v1/organizations/acme/devices",
                    "{\"name\":\"meter\",\"credentials\":{\"type\":\"ACCESS_TOKEN\","
                            + "\"token\":\"meter-token\"}}").json();
            deviceId = view.get("id").asText();
            apiKey = admin.post("/api/v1/api-keys", "{\"name\":\"reader\",\"organization\":\"acme\"}").json()
                    .get("key").asText();
            Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier("meter")
                    .serverHost(first.petrel().host()).serverPort(first.petrel().port()).buildBlocking();
            device.connectWith().simpleAuth().username("meter-token").applySimpleAuth().send();
            // QoS 1: the PUBACK comes once the points are committed.
            device.publishWith().topic("v1/devices/me/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("[{\"ts\":" + T0 + ",\"values\":{\"temp\":21.5,\"door\":\"open\"}},{\"ts\":"
                            + (T0 + 1000) + ",\"values\":{\"temp\":22}}]").getBytes(StandardCharsets.UTF_8)).send();
            device.publishWith().topic("v1/devices/me/attributes").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"model\":\"X1\"}".getBytes(StandardCharsets.UTF_8)).send();
            device.disconnect();
            admin.post("/api/v1/devices/" + deviceId + "/attributes/shared", "{\"targetTemp\":20}");
        }

        try (RestServer second = RestServer.start(config -> config.withDataDir(dir).withStore(store))) {
            RestClient reader = second.anonymous().withBearer(apiKey);
            JsonNode range = reader.get("/api/v1/devices/" + deviceId + "/telemetry?keys=temp,door&startTs=" + T0
                    + "&endTs=" + (T0 + 2000) + "&order=ASC").json();
            assertThat(range.get("temp")).extracting(point -> point.get("ts").asLong() + "=" + point.get("value"))
                    .containsExactly(T0 + "=21.5", (T0 + 1000) + "=22");
            assertThat(range.get("door").get(0).get("value").asText()).isEqualTo("open");
            assertThat(reader.get("/api/v1/devices/" + deviceId + "/telemetry/latest").json().get("temp").get("ts")
                    .asLong()).isEqualTo(T0 + 1000);
            assertThat(reader.get("/api/v1/devices/" + deviceId + "/attributes/client").json().get(0).get("value")
                    .asText()).isEqualTo("X1");
            assertThat(reader.get("/api/v1/devices/" + deviceId + "/attributes/shared").json().get(0).get("value")
                    .asLong()).isEqualTo(20);
            assertThat(reader.get("/api/v1/devices/" + deviceId + "/credentials").json().get("token").asText())
                    .isEqualTo("meter-token");
            assertThat(second.platform().registry().store().findCredentialsByKey("u:meter-token")).isPresent();
            assertThat(reader.get("/api/v1/organizations/acme").status()).isEqualTo(200);
        }
    }
}
