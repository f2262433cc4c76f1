package io.petrel.server.rest.resources;

import io.petrel.api.store.platform.Aggregation;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.platform.telemetry.TelemetryService;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.resources.Views.TsValue;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A device's telemetry: the latest values, the values of a time range, and aggregates by interval. */
final class TelemetryRoutes {
    private static final String TAG = "Telemetry";
    private static final int MAX_KEYS = 100;
    private static final Param KEYS = Param.required("keys", Schema.text(16_384),
            "The keys, comma-separated (at most " + MAX_KEYS + ").");
    private static final Param START = Param.required("startTs", Schema.epochMillis(),
            "The start of the range (included), in epoch milliseconds.");
    private static final Param END = Param.required("endTs", Schema.epochMillis(),
            "The end of the range (excluded), in epoch milliseconds.");

    private TelemetryRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.get("/api/v1/devices/{deviceId}/telemetry/latest").doc("getLatestTelemetry", TAG,
                                "The latest value of each key, by key.")
                        .query(Param.optional("keys", Schema.text(16_384),
                                "The keys, comma-separated; every key when left out."))
                        .ok(Schema.named("LatestTelemetry", "The latest value of each key, by key.",
                                Schema.map(Schemas.TS_VALUE)))
                        .handle(call -> latest(rest, call)),
                Route.get("/api/v1/devices/{deviceId}/telemetry").doc("getTelemetry", TAG,
                                "The values of keys in a time range, newest first by default.")
                        .query(KEYS, START, END,
                                Param.optional("limit", Schema.integer(1, TelemetryService.MAX_LIMIT),
                                        "The most values per key; 100 by default."),
                                Param.optional("order", Schema.string().oneOf("ASC", "DESC"),
                                        "DESC (default) for the newest values first, ASC for the oldest first."))
                        .ok(Schemas.TIME_SERIES).handle(call -> range(rest, call)),
                Route.get("/api/v1/devices/{deviceId}/telemetry/aggregate").doc("aggregateTelemetry", TAG,
                                "Keys' values in a time range, combined per interval from the start of the range.")
                        .query(KEYS, START, END,
                                Param.required("interval", Schema.integer(1, Long.MAX_VALUE),
                                        "The interval, in milliseconds."),
                                Param.required("agg", Schema.string().oneOf("MIN", "MAX", "AVG", "SUM", "COUNT"),
                                        "How values are combined; MIN, MAX, AVG and SUM skip values that are no "
                                                + "number."))
                        .ok(Schemas.TIME_SERIES).handle(call -> aggregate(rest, call)));
    }

    private static Map<String, TsValue> latest(RestContext rest, Call call) {
        Device device = rest.device(call);
        List<String> keys = call.queryKeys("keys", MAX_KEYS);
        Map<String, TsValue> latest = new LinkedHashMap<>();
        for (TsEntry entry : rest.platform().telemetry().latest(device.id(), keys)) {
            latest.put(entry.key(), new TsValue(entry.ts(), Views.value(entry.value(), rest.mapper())));
        }
        return latest;
    }

    private static Map<String, List<TsValue>> range(RestContext rest, Call call) {
        Device device = rest.device(call);
        List<String> keys = Objects.requireNonNull(call.queryKeys("keys", MAX_KEYS));
        int limit = (int) call.queryLong("limit", 100);
        SortOrder order = "ASC".equals(call.query("order")) ? SortOrder.ASCENDING : SortOrder.DESCENDING;
        Map<String, List<TsValue>> series = new LinkedHashMap<>();
        for (String key : keys) {
            series.put(key, values(rest, ApiError.check(rest.platform().telemetry().range(device.id(), key,
                    call.queryLong("startTs"), call.queryLong("endTs"), limit, order))));
        }
        return series;
    }

    private static Map<String, List<TsValue>> aggregate(RestContext rest, Call call) {
        Device device = rest.device(call);
        List<String> keys = Objects.requireNonNull(call.queryKeys("keys", MAX_KEYS));
        Aggregation aggregation = Aggregation.valueOf(call.query("agg"));
        Map<String, List<TsValue>> series = new LinkedHashMap<>();
        for (String key : keys) {
            series.put(key, values(rest, ApiError.check(rest.platform().telemetry().aggregate(device.id(), key,
                    call.queryLong("startTs"), call.queryLong("endTs"), call.queryLong("interval"), aggregation))));
        }
        return series;
    }

    private static List<TsValue> values(RestContext rest, List<TsEntry> entries) {
        return entries.stream().map(entry -> new TsValue(entry.ts(), Views.value(entry.value(), rest.mapper())))
                .toList();
    }
}
