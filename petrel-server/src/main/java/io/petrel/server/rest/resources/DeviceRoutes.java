package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.Registry;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.resources.Views.DeviceView;
import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Devices of an organization: created with credentials, read, paged, changed and deleted. */
final class DeviceRoutes {
    private static final String TAG = "Devices";
    private static final int MAX_PAGE = 1000;
    private static final Schema NEW_DEVICE = Schema.named("NewDevice", "A device to create.", Schema.object(
            required("name", Schema.text(255), "The name, unique in the organization; no '/', '+' or '#'."),
            optional("profile", Schema.text(255), "The name of its device profile; 'default' when left out."),
            optional("type", Schema.text(255), "A free label; the profile's name when left out."),
            optional("gateway", Schema.bool(), "Whether it is a gateway; false when left out."),
            optional("additionalInfo", Schema.map(Schema.any()), "Further settings, a JSON object."),
            optional("credentials", Schemas.CREDENTIALS_REQUEST,
                    "Its credentials; a random access token when left out.")));
    private static final Schema UPDATE = Schema.named("DeviceUpdate", "Changes to a device. A new name or gateway "
            + "flag ends its live sessions, which must log in again.", Schema.object(
                    optional("name", Schema.text(255), "A new name."),
                    optional("type", Schema.text(255), "A new type label."),
                    optional("gateway", Schema.bool(), "Whether it is a gateway."),
                    optional("additionalInfo", Schema.map(Schema.any()), "New further settings, replacing the old.")));
    private static final Schema PAGE = Schema.named("DevicePage", "A page of devices in name order.", Schema.object(
            required("devices", Schema.array(Schemas.DEVICE), "The devices."),
            optional("nextAfter", Schema.string(),
                    "Pass as 'after' for the next page; absent on the last page.")));

    record DevicePage(List<DeviceView> devices, @Nullable String nextAfter) {
    }

    private DeviceRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(
                Route.get("/api/v1/organizations/{org}/devices").doc("listDevices", TAG,
                                "List an organization's devices in name order, a page at a time.")
                        .query(Param.optional("limit", Schema.integer(1, MAX_PAGE), "The page size; 100 by default."),
                                Param.optional("after", Schema.text(255), "The name of the last device of the "
                                        + "previous page (its nextAfter)."))
                        .ok(PAGE).handle(call -> list(rest, call)),
                Route.post("/api/v1/organizations/{org}/devices").doc("createDevice", TAG,
                                "Create a device with its credentials.")
                        .body(NEW_DEVICE).created(Schemas.DEVICE).errors(409).handle(call -> create(rest, call)),
                Route.get("/api/v1/devices/{deviceId}").doc("getDevice", TAG, "Read a device.")
                        .ok(Schemas.DEVICE).handle(call -> view(rest, rest.device(call), null)),
                Route.patch("/api/v1/devices/{deviceId}").doc("updateDevice", TAG,
                                "Rename a device or change its type, gateway flag or additional info.")
                        .body(UPDATE).ok(Schemas.DEVICE).errors(409).handle(call -> update(rest, call)),
                Route.delete("/api/v1/devices/{deviceId}").doc("deleteDevice", TAG,
                                "Delete a device with its credentials, attributes and telemetry; its sessions end.")
                        .noContent().handle(call -> delete(rest, call)));
    }

    private static DevicePage list(RestContext rest, Call call) {
        String org = rest.organization(call);
        int limit = (int) call.queryLong("limit", 100);
        List<Device> devices = rest.platform().registry().store().listDevices(org, call.query("after"), limit);
        Map<UUID, String> profiles = new HashMap<>();
        List<DeviceView> views = devices.stream()
                .map(device -> Views.device(device, profiles.computeIfAbsent(device.profileId(),
                        id -> profileName(rest.platform().registry(), id)), null, rest.mapper()))
                .toList();
        return new DevicePage(views, devices.size() == limit ? devices.getLast().name() : null);
    }

    private static DeviceView create(RestContext rest, Call call) {
        String org = rest.organization(call);
        Call.Body body = call.body();
        Registry registry = rest.platform().registry();
        Call.Body credentials = body.optObject("credentials");
        CredentialsSpec spec = credentials == null ? null : CredentialRoutes.spec(credentials);
        Device device = ApiError.check(registry.createDevice(new NewDevice(org, body.string("name"),
                body.optString("profile"), body.optString("type"), body.optBool("gateway", false),
                additionalInfo(body))));
        DeviceCredentials stored;
        if (spec == null) {
            stored = registry.credentials(device.id()).orElseThrow();
        } else {
            Result<DeviceCredentials> set = registry.setCredentials(device.id(), spec);
            if (!set.isOk()) {
                // A device that cannot log in as asked is not created at all.
                registry.deleteDevice(device.id());
            }
            stored = ApiError.check(set);
        }
        return view(rest, device, stored);
    }

    private static DeviceView update(RestContext rest, Call call) {
        Device old = rest.device(call);
        Call.Body body = call.body();
        String info = additionalInfo(body);
        Device changed = new Device(old.id(), old.organization(), body.has("name") ? body.string("name") : old.name(),
                body.has("type") ? body.string("type") : old.type(), old.profileId(),
                body.optBool("gateway", old.gateway()), info != null ? info : old.additionalInfo(),
                old.createdAtMillis());
        return view(rest, ApiError.check(rest.platform().registry().updateDevice(changed)), null);
    }

    private static @Nullable Object delete(RestContext rest, Call call) {
        Device device = rest.device(call);
        if (!rest.platform().registry().deleteDevice(device.id())) {
            throw ApiError.notFound("no device " + device.id());
        }
        return null;
    }

    private static DeviceView view(RestContext rest, Device device, @Nullable DeviceCredentials credentials) {
        return Views.device(device, profileName(rest.platform().registry(), device.profileId()), credentials,
                rest.mapper());
    }

    private static String profileName(Registry registry, UUID profileId) {
        return registry.profile(profileId).map(DeviceProfile::name).orElse(DeviceProfile.DEFAULT_NAME);
    }

    private static @Nullable String additionalInfo(Call.Body body) {
        Json info = body.get("additionalInfo");
        return info == null ? null : JsonWriter.text(info);
    }
}
