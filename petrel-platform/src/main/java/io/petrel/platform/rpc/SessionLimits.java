package io.petrel.platform.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.json.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The answer to the built-in client RPC {@code getSessionLimits} (device-api.md §10.1). Gateways also get
 * {@code gatewayRateLimits}; it carries the same values as {@code rateLimits}, because ThingsBoard's server
 * and its SDK read the two the other way round from each other, and identical values are right either way.
 */
public final class SessionLimits {
    /** The method name. */
    public static final String METHOD = "getSessionLimits";

    private SessionLimits() {
    }

    /** The JSON answer for a device, or a gateway. */
    public static byte[] body(PlatformConfig config, boolean gateway) {
        return JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeNumberField("maxPayloadSize", config.maxPayloadSize());
            out.writeNumberField("maxInflightMessages", config.maxInflightMessages());
            rateLimits(out, "rateLimits", config.rateLimits());
            if (gateway) {
                rateLimits(out, "gatewayRateLimits", config.rateLimits());
            }
            out.writeEndObject();
        });
    }

    private static void rateLimits(JsonGenerator out, String name, PlatformConfig.RateLimits limits)
            throws IOException {
        out.writeObjectFieldStart(name);
        limit(out, "messages", limits.messages());
        limit(out, "telemetryMessages", limits.telemetryMessages());
        limit(out, "telemetryDataPoints", limits.telemetryDataPoints());
        out.writeEndObject();
    }

    private static void limit(JsonGenerator out, String name, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value);
        }
    }
}
