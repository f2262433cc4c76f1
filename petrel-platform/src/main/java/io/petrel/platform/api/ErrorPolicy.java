package io.petrel.platform.api;

import java.util.List;

/**
 * The error matrix of device-api.md §17, in one place: what an MQTT 5 or MQTT 3 session gets for a publish
 * that went right or wrong, at QoS 0 or 1.
 */
final class ErrorPolicy {
    private ErrorPolicy() {
    }

    static PublishDecision decide(Outcome outcome, boolean v5, int qos) {
        boolean ack = qos > 0;
        DeviceError error = outcome.error();
        if (error == null) {
            return new PublishDecision(ack ? ReasonCode.SUCCESS : null, outcome.then(), outcome.closeAfter(), null);
        }
        String problem = outcome.problem();
        return switch (error) {
            // MQTT 3 cannot tell a client what is wrong with a payload: it closes the connection.
            case PAYLOAD_INVALID -> !v5 ? close(ReasonCode.PAYLOAD_FORMAT_INVALID, problem)
                    : ack ? ack(ReasonCode.PAYLOAD_FORMAT_INVALID, problem)
                    : close(ReasonCode.PAYLOAD_FORMAT_INVALID, problem);
            // The session goes on; MQTT 3 gets a plain PUBACK, QoS 0 publishes are dropped.
            case UNKNOWN_TOPIC -> ackOrDrop(ack, ReasonCode.TOPIC_NAME_INVALID, problem);
            case NOT_AUTHORIZED -> ackOrDrop(ack, ReasonCode.NOT_AUTHORIZED, problem);
            case NOT_IMPLEMENTED -> ackOrDrop(ack, ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, problem);
            case PROVISION_ONLY -> v5 && ack
                    ? new PublishDecision(ReasonCode.TOPIC_NAME_INVALID, List.of(), ReasonCode.TOPIC_NAME_INVALID,
                            problem)
                    : close(ReasonCode.TOPIC_NAME_INVALID, problem);
            case QOS_NOT_SUPPORTED -> close(ReasonCode.QOS_NOT_SUPPORTED, problem);
            case INTERNAL_ERROR -> close(ReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, problem);
        };
    }

    private static PublishDecision ack(ReasonCode code, String problem) {
        return new PublishDecision(code, List.of(), null, problem);
    }

    private static PublishDecision ackOrDrop(boolean ack, ReasonCode code, String problem) {
        return new PublishDecision(ack ? code : null, List.of(), null, problem);
    }

    private static PublishDecision close(ReasonCode code, String problem) {
        return new PublishDecision(null, List.of(), code, problem);
    }
}
