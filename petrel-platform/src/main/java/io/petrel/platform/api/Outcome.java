package io.petrel.platform.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What handling a publish came to, before the protocol version and QoS turn it into a {@link PublishDecision}.
 *
 * @param error what was wrong, or null
 * @param problem a description of the error, or null
 * @param then messages to send after the acknowledgement
 * @param closeAfter a reason to end the session with after sending them, or null
 */
record Outcome(@Nullable DeviceError error, @Nullable String problem, List<Outbound> then,
        @Nullable ReasonCode closeAfter) {

    static final Outcome OK = new Outcome(null, null, List.of(), null);

    static Outcome ok(List<Outbound> then) {
        return new Outcome(null, null, then, null);
    }

    static Outcome ok(Outbound then) {
        return ok(List.of(then));
    }

    static Outcome error(DeviceError error, String problem) {
        return new Outcome(error, problem, List.of(), null);
    }
}
