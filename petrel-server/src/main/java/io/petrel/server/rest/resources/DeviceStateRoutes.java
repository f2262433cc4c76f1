package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.Route;
import io.petrel.server.rest.schema.Schema;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Whether a device is connected and active (device-api.md §2.3): its live sessions, and the server attributes
 * the platform keeps as sessions come and go and the device is heard from.
 */
final class DeviceStateRoutes {
    private static final List<String> KEYS = List.of("active", "lastConnectTime", "lastDisconnectTime",
            "lastActivityTime", "inactivityAlarmTime");
    private static final Schema STATE = Schema.named("DeviceState", "A device's connection and activity.",
            Schema.object(
                    required("connected", Schema.bool(), "Whether it has a live session now."),
                    required("sessions", Schema.integer(0, Integer.MAX_VALUE), "Its live sessions."),
                    optional("active", Schema.bool(), "Whether it was heard from within its inactivity timeout; "
                            + "absent if it never connected."),
                    optional("lastConnectTime", Schema.epochMillis(), "When it last connected."),
                    optional("lastDisconnectTime", Schema.epochMillis(), "When its last session ended."),
                    optional("lastActivityTime", Schema.epochMillis(), "When it was last heard from."),
                    optional("inactivityAlarmTime", Schema.epochMillis(), "When it last became inactive.")));

    record StateView(boolean connected, int sessions, @Nullable Boolean active, @Nullable Long lastConnectTime,
            @Nullable Long lastDisconnectTime, @Nullable Long lastActivityTime, @Nullable Long inactivityAlarmTime) {
    }

    private DeviceStateRoutes() {
    }

    static List<Route> routes(RestContext rest) {
        return List.of(Route.get("/api/v1/devices/{deviceId}/state").doc("getDeviceState", "Devices",
                        "Whether a device is connected and active, and when it connected, disconnected and was last "
                                + "heard from.")
                .ok(STATE).handle(call -> state(rest, call)));
    }

    private static CompletionStage<StateView> state(RestContext rest, Call call) {
        Device device = rest.device(call);
        int sessions = rest.platform().services().sessions().sessions(device.id()).size();
        return rest.platform().attributes().read(device.id(), AttributeScope.SERVER, KEYS).thenApply(found -> {
            Boolean active = null;
            Long[] times = new Long[KEYS.size()];
            for (AttributeEntry entry : found) {
                if (entry.key().equals("active") && entry.value() instanceof KvValue.BooleanValue flag) {
                    active = flag.value();
                } else if (entry.value() instanceof KvValue.LongValue time) {
                    times[KEYS.indexOf(entry.key())] = time.value();
                }
            }
            return new StateView(sessions > 0, sessions, active, times[1], times[2], times[3], times[4]);
        });
    }
}
