package io.petrel.platform.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to do about one inbound PUBLISH, in this order: send the PUBACK, send the messages, disconnect.
 *
 * @param puback the PUBACK reason code, or null to send no PUBACK (QoS 0, or an MQTT 3 session about to be
 *     closed); MQTT 3 PUBACKs carry no code
 * @param then messages to send to this session after the PUBACK, such as the answer to a request
 * @param disconnect the reason to end the session with after that, or null to keep it
 * @param problem what was wrong with the publish, for the reason string and the logs; null if nothing
 */
public record PublishDecision(@Nullable ReasonCode puback, List<Outbound> then, @Nullable ReasonCode disconnect,
        @Nullable String problem) {

    public PublishDecision {
        then = List.copyOf(then);
    }
}
