package io.petrel.platform.claim;

import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.math.BigDecimal;

/**
 * A device's claim request: {@code {"secretKey": "abc", "durationMs": 60000}}, both optional. An empty
 * payload or {@code {}} asks with the empty secret and the default duration.
 *
 * @param secretKey the secret a user must give to claim the device
 * @param durationMs how long the window stays open; 0 for the default
 */
public record ClaimRequest(String secretKey, long durationMs) {

    /** Parses a claim payload. */
    public static Result<ClaimRequest> parse(byte[] payload) {
        if (payload.length == 0) {
            return Result.ok(new ClaimRequest("", 0));
        }
        return JsonReader.parse(payload).then(json -> {
            if (!(json instanceof Json.Obj obj)) {
                return Result.fail("a claim request must be a JSON object, not %s", json.kind());
            }
            String secret = "";
            Json secretKey = obj.members().get("secretKey");
            if (secretKey instanceof Json.Str str) {
                secret = str.value();
            } else if (secretKey != null && !(secretKey instanceof Json.Null)) {
                return Result.fail("'secretKey' must be a string");
            }
            long duration = 0;
            Json durationMs = obj.members().get("durationMs");
            if (durationMs instanceof Json.Num num) {
                try {
                    duration = new BigDecimal(num.literal()).longValueExact();
                } catch (ArithmeticException e) {
                    return Result.fail("'durationMs' must be a whole number of milliseconds");
                }
            } else if (durationMs != null && !(durationMs instanceof Json.Null)) {
                return Result.fail("'durationMs' must be a number");
            }
            return Result.ok(new ClaimRequest(secret, Math.max(0, duration)));
        });
    }
}
