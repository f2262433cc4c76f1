package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Telemetry queries: latest values, ranges and aggregates, with their types, and bad parameters. */
class RestTelemetryIT {
    private static final long T0 = 1_717_000_000_000L;
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();
    private static String path;

    @BeforeAll
    static void setUp() throws Exception {
        UUID device = server.device("meter").id();
        path = "/api/v1/devices/" + device + "/telemetry";
        List<TsPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(new TsPoint(device, T0 + i * 1000, "temp", KvValue.of(20L + i)));
        }
        points.add(new TsPoint(device, T0 + 9500, "temp", KvValue.of(21.5)));
        points.add(new TsPoint(device, T0, "door", KvValue.of("open")));
        points.add(new TsPoint(device, T0, "ok", KvValue.of(true)));
        points.add(new TsPoint(device, T0, "cfg", KvValue.json("{\"a\":[1,2]}")));
        server.platform().telemetry().write(points).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void latestValuesKeepTheirTypes() {
        JsonNode latest = server.admin().get(path + "/latest").json();
        assertThat(latest.get("temp").get("ts").asLong()).isEqualTo(T0 + 9500);
        assertThat(latest.get("temp").get("value").isDouble()).isTrue();
        assertThat(latest.get("temp").get("value").asDouble()).isEqualTo(21.5);
        assertThat(latest.get("door").get("value").asText()).isEqualTo("open");
        assertThat(latest.get("ok").get("value").asBoolean()).isTrue();
        assertThat(latest.get("cfg").get("value").get("a").get(1).asInt()).as("JSON embedded").isEqualTo(2);
        assertThat(server.admin().get(path + "/latest?keys=door,missing").json().properties())
                .extracting(entry -> entry.getKey()).containsExactly("door");
    }

    @Test
    void aRangeIsNewestFirstByDefaultLimitedAndHalfOpen() {
        JsonNode newest = server.admin().get(path + "?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 5000) + "&limit=3")
                .json();
        assertThat(newest.get("temp")).extracting(v -> v.get("ts").asLong())
                .containsExactly(T0 + 4000, T0 + 3000, T0 + 2000);
        assertThat(newest.get("temp").get(0).get("value").isIntegralNumber()).isTrue();
        JsonNode oldest = server.admin().get(path + "?keys=temp,door&startTs=" + T0 + "&endTs=" + (T0 + 2000)
                + "&order=ASC").json();
        assertThat(oldest.get("temp")).extracting(v -> v.get("value").asLong()).containsExactly(20L, 21L);
        assertThat(oldest.get("door")).hasSize(1);
    }

    @Test
    void aggregatesArePerIntervalFromTheStart() {
        JsonNode avg = server.admin().get(path + "/aggregate?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 10_000)
                + "&interval=5000&agg=AVG").json();
        assertThat(avg.get("temp")).extracting(v -> v.get("ts").asLong()).containsExactly(T0, T0 + 5000);
        assertThat(avg.get("temp").get(0).get("value").asDouble()).isEqualTo(22.0);
        JsonNode count = server.admin().get(path + "/aggregate?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 10_000)
                + "&interval=10000&agg=COUNT").json();
        assertThat(count.get("temp").get(0).get("value").asLong()).isEqualTo(11);
        JsonNode max = server.admin().get(path + "/aggregate?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 10_000)
                + "&interval=10000&agg=MAX").json();
        assertThat(max.get("temp").get(0).get("value").asDouble()).isEqualTo(29.0);
    }

    @Test
    void badQueriesSayWhatIsWrong() {
        String range = path + "?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 1000);
        assertThat(server.admin().get(path + "?keys=temp&startTs=" + T0).message())
                .isEqualTo("query parameter 'endTs' is required");
        assertThat(server.admin().get(path + "?keys=temp&startTs=" + (T0 + 1) + "&endTs=" + T0).message())
                .isEqualTo("startTs must be before endTs");
        assertThat(server.admin().get(range + "&limit=10001").message())
                .isEqualTo("query parameter 'limit' must be an integer from 1 to 10000, not 10001");
        assertThat(server.admin().get(range + "&order=newest").message())
                .isEqualTo("query parameter 'order' must be one of ASC, DESC, not 'newest'");
        assertThat(server.admin().get(range + "&interval=10").message())
                .startsWith("unknown query parameter 'interval'");
        assertThat(server.admin().get(path + "?keys=,&startTs=0&endTs=1").message())
                .isEqualTo("query parameter 'keys' names no key");
        assertThat(server.admin().get(path + "?keys=temp&startTs=yesterday&endTs=1").message())
                .isEqualTo("query parameter 'startTs' must be an integer of at least 0, not yesterday");
        String aggregate = path + "/aggregate?keys=temp&startTs=" + T0 + "&endTs=" + (T0 + 10_000);
        assertThat(server.admin().get(aggregate + "&interval=1000").message())
                .isEqualTo("query parameter 'agg' is required");
        assertThat(server.admin().get(aggregate + "&interval=1000&agg=MEDIAN").message())
                .isEqualTo("query parameter 'agg' must be one of MIN, MAX, AVG, SUM, COUNT, not 'MEDIAN'");
        assertThat(server.admin().get(aggregate + "&interval=0&agg=AVG").message())
                .isEqualTo("query parameter 'interval' must be an integer of at least 1, not 0");
        assertThat(server.admin().get(path + "/aggregate?keys=temp&startTs=0&endTs=" + T0 + "&interval=1&agg=SUM")
                .message()).contains("more than 10000 intervals");
        assertThat(server.admin().get("/api/v1/devices/" + UUID.randomUUID() + "/telemetry/latest").status())
                .isEqualTo(404);
    }
}
