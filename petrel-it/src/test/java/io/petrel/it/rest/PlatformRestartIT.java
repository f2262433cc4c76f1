package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.api.ReasonCode;
import io.petrel.server.store.Durability;
import io.petrel.server.store.StoreConfig;
import io.petrel.server.store.StoreType;
import io.petrel.store.WriterLimits;
import io.petrel.store.postgresql.PostgresTestDatabase;
import io.petrel.store.sqlite.SqlitePlatformDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device platform's data survives a restart on SQLite and on PostgreSQL: telemetry a device sent, the
 * registry, attributes and API keys are all there when a new server starts on the same store.
 */
class PlatformRestartIT {
    private static final long T0 = 1_717_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void telemetryAndTheRegistrySurviveARestartOnSqlite() throws Exception {
        StoreConfig sqlite = StoreConfig.defaults();
        restartKeepsEverything(sqlite);
        assertThat(Files.exists(dir.resolve(SqlitePlatformDatabase.FILE_NAME))).isTrue();
    }

    @Test
    void telemetryAndTheRegistrySurviveARestartOnPostgresql() throws Exception {
        PostgresTestDatabase schema = PostgresTestDatabase.create();
        try {
            restartKeepsEverything(new StoreConfig(Durability.DURABLE, StoreType.POSTGRESQL, true, schema.url(), null,
                    null, 4, WriterLimits.DEFAULT));
        } finally {
            schema.drop();
        }
    }

    private void restartKeepsEverything(StoreConfig store) throws Exception {
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
            Device device = first.platform().registry().device(UUID.fromString(deviceId)).orElseThrow();
            try (PlatformDevice session = PlatformDevice.connect(first.platform(), device)) {
                assertThat(session.publish("v1/devices/me/telemetry", "[{\"ts\":" + T0 + ",\"values\":{\"temp\":21.5,"
                        + "\"door\":\"open\"}},{\"ts\":" + (T0 + 1000) + ",\"values\":{\"temp\":22}}]").puback())
                        .isEqualTo(ReasonCode.SUCCESS);
                session.publish("v1/devices/me/attributes", "{\"model\":\"X1\"}");
            }
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
