package io.petrel.platform.telemetry;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.kv.KvParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The telemetry shapes of device-api.md §5: an object of key-values at server time, an object
 * {@code {"ts": ..., "values": {...}}} with its own time, or an array mixing both. An object is the timed
 * form only if it has both {@code ts} and {@code values}; otherwise every member, a lone {@code ts} included,
 * is a key-value. A timed object may also carry {@code metadata}, which is ignored.
 */
public final class TelemetryParser {
    private final KvParser kv;

    public TelemetryParser(KvParser kv) {
        this.kv = kv;
    }

    /** Parses a telemetry payload; key-values without their own time get {@code serverTs}. */
    public Result<TelemetryUpload> parse(Json payload, long serverTs) {
        List<TimedValues> groups = new ArrayList<>();
        switch (payload) {
            case Json.Obj object -> {
                Result<TimedValues> group = element(object, serverTs);
                if (!group.isOk()) {
                    return Result.fail(group.problem());
                }
                groups.add(group.value());
            }
            case Json.Arr array -> {
                for (int i = 0; i < array.items().size(); i++) {
                    if (!(array.items().get(i) instanceof Json.Obj object)) {
                        return Result.fail("array element %d is %s; expected an object", i,
                                array.items().get(i).kind());
                    }
                    Result<TimedValues> group = element(object, serverTs);
                    if (!group.isOk()) {
                        return Result.fail(group.problem());
                    }
                    groups.add(group.value());
                }
            }
            default -> {
                return Result.fail("telemetry must be a JSON object or array, not %s", payload.kind());
            }
        }
        return Result.ok(new TelemetryUpload(groups));
    }

    private Result<TimedValues> element(Json.Obj object, long serverTs) {
        Json ts = object.members().get("ts");
        Json values = object.members().get("values");
        if (ts == null || values == null) {
            return kv.parse(object).map(entries -> new TimedValues(serverTs, entries));
        }
        Result<Long> time = timestamp(ts);
        if (!time.isOk()) {
            return Result.fail(time.problem());
        }
        if (!(values instanceof Json.Obj valueObject)) {
            return Result.fail("'values' is %s; expected an object", values.kind());
        }
        Result<List<KvEntry>> entries = kv.parse(valueObject);
        return entries.map(list -> new TimedValues(time.value(), list));
    }

    /** A timestamp: an integral number of milliseconds since the epoch that fits int64 and is not negative. */
    static Result<Long> timestamp(Json ts) {
        if (!(ts instanceof Json.Num num)) {
            return Result.fail("'ts' is %s; expected a number of milliseconds", ts.kind());
        }
        try {
            long millis = new BigDecimal(num.literal()).longValueExact();
            return millis < 0 ? Result.fail("'ts' must not be negative") : Result.ok(millis);
        } catch (ArithmeticException e) {
            return Result.fail("'ts' is not a whole number of milliseconds that fits 64 bits");
        }
    }
}
