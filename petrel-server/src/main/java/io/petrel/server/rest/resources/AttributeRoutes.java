package io.petrel.server.rest.resources;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.attributes.AttributeService;
import io.petrel.platform.kv.KvEntry;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.resources.Views.AttributeView;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A device's attributes in its three scopes. Shared and server attributes are written here; saving shared
 * ones pushes them to the device's subscribed sessions in one message (device-api.md §8), which the platform
 * does. Client attributes are the device's to write.
 */
final class AttributeRoutes {
    private static final String TAG = "Attributes";
    private static final int MAX_KEYS = 1000;
    private static final Schema VALUES = Schema.named("AttributeValues", "Attributes to save: a JSON object of "
            + "keys and values, typed as device-api.md §3 says (numbers by their form, numeric strings cast, "
            + "objects and arrays kept as JSON); null values are skipped.", Schema.map(Schema.any()));
    private static final Schema ATTRIBUTES = Schema.array(Schemas.ATTRIBUTE);

    private AttributeRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.get("/api/v1/devices/{deviceId}/attributes/{scope}").doc("getAttributes", TAG,
                                "A device's attributes of a scope, by key.")
                        .query(Param.optional("keys", Schema.text(65_536),
                                "The keys, comma-separated; every attribute of the scope when left out."))
                        .ok(ATTRIBUTES).handle(call -> read(rest, call)),
                Route.post("/api/v1/devices/{deviceId}/attributes/{scope}").doc("saveAttributes", TAG,
                                "Save shared or server attributes; shared ones are pushed to the device. The "
                                        + "answer is what was stored, with the stored types.")
                        .body(VALUES).ok(ATTRIBUTES).handle(call -> save(rest, call)),
                Route.delete("/api/v1/devices/{deviceId}/attributes/{scope}").doc("deleteAttributes", TAG,
                                "Delete attributes of a scope; deleting shared ones is pushed to the device.")
                        .query(Param.required("keys", Schema.text(65_536), "The keys, comma-separated."))
                        .ok(Schemas.DELETED).handle(call -> delete(rest, call)));
    }

    private static CompletionStage<List<AttributeView>> read(RestContext rest, Call call) {
        Device device = rest.device(call);
        List<String> keys = call.queryKeys("keys", MAX_KEYS);
        return rest.platform().attributes().read(device.id(), scope(call), keys)
                .thenApply(entries -> views(rest, entries));
    }

    private static CompletionStage<List<AttributeView>> save(RestContext rest, Call call) {
        Device device = rest.device(call);
        AttributeScope scope = scope(call);
        if (scope == AttributeScope.CLIENT) {
            throw ApiError.badRequest("client attributes are written by the device; save shared or server ones");
        }
        List<KvEntry> entries = ApiError.check(rest.platform().services().kv().parse(call.body().json()));
        if (entries.size() > MAX_KEYS) {
            throw ApiError.badRequest("the body has more than " + MAX_KEYS + " attributes");
        }
        List<String> keys = entries.stream().map(KvEntry::key).toList();
        AttributeService attributes = rest.platform().attributes();
        return attributes.save(device.id(), scope, entries)
                .thenCompose(saved -> attributes.read(device.id(), scope, keys))
                .thenApply(stored -> views(rest, stored));
    }

    private static CompletionStage<Map<String, List<String>>> delete(RestContext rest, Call call) {
        Device device = rest.device(call);
        List<String> keys = Objects.requireNonNull(call.queryKeys("keys", MAX_KEYS));
        return rest.platform().attributes().delete(device.id(), scope(call), keys)
                .thenApply(deleted -> Map.of("deleted", deleted));
    }

    private static AttributeScope scope(Call call) {
        return AttributeScope.valueOf(call.path("scope").toUpperCase(Locale.ROOT));
    }

    private static List<AttributeView> views(RestContext rest, List<AttributeEntry> entries) {
        return entries.stream()
                .map(entry -> new AttributeView(entry.key(), Views.value(entry.value(), rest.mapper()),
                        entry.lastUpdateTs()))
                .toList();
    }
}
