package io.petrel.platform.api;

import io.petrel.platform.Result;
import io.petrel.platform.rpc.ClientRpcRequest;
import io.petrel.platform.rpc.SessionLimits;
import io.petrel.platform.session.SessionHandle;
import java.util.concurrent.CompletionStage;

/**
 * The RPC topics of a device: its answers to server RPCs (device-api.md §9), acknowledged at once whether or
 * not a call waits for them, and its own calls (§10), answered on the response topic of the family the call
 * used. {@code getSessionLimits} is answered right after the PUBACK; other methods go to the handler and
 * their answer follows whenever it comes.
 */
final class RpcMessages {
    private RpcMessages() {
    }

    static CompletionStage<Outcome> response(DeviceServices services, SessionHandle session, TopicFamily family,
            int id, byte[] payload) {
        Outcome unsupported = Payloads.unsupportedFormat(family, session.device());
        if (unsupported != null) {
            return Payloads.done(unsupported);
        }
        services.serverRpc().onResponse(session.device().id(), id, payload);
        return Payloads.done(Outcome.OK);
    }

    static CompletionStage<Outcome> request(DeviceServices services, SessionHandle session, TopicFamily family,
            String id, byte[] payload) {
        Outcome unsupported = Payloads.unsupportedFormat(family, session.device());
        if (unsupported != null) {
            return Payloads.done(unsupported);
        }
        Result<ClientRpcRequest> request = ClientRpcRequest.parse(payload);
        if (!request.isOk()) {
            return Payloads.done(Payloads.invalid(request));
        }
        String topic = family.rpcResponseTopic(id);
        if (request.value().method().equals(SessionLimits.METHOD)) {
            byte[] limits = SessionLimits.body(services.config(), session.device().gateway());
            return Payloads.done(Outcome.ok(new Outbound(topic, limits, session.qosFor(topic), null)));
        }
        services.clientRpc().call(session.device(), request.value()).thenAccept(answer ->
                session.downlink().send(new Outbound(topic, answer, session.qosFor(topic), null)));
        return Payloads.done(Outcome.OK);
    }
}
