package io.petrel.platform.api;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.Result;
import io.petrel.platform.attributes.AttributeRequest;
import io.petrel.platform.attributes.AttributeResponses;
import io.petrel.platform.attributes.AttributeService;
import io.petrel.platform.session.SessionHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Attribute reads (device-api.md §7). The answer goes to the response topic of the family the request used,
 * whether or not the session subscribed to it, right after the PUBACK.
 */
final class AttributeReads {
    private AttributeReads() {
    }

    static CompletionStage<Outcome> handle(DeviceServices services, SessionHandle session, TopicFamily family,
            String id, byte[] payload) {
        DeviceRef device = session.device();
        Outcome unsupported = Payloads.unsupportedFormat(family, device);
        if (unsupported != null) {
            return Payloads.done(unsupported);
        }
        Result<AttributeRequest> request = AttributeRequest.parse(payload);
        if (!request.isOk()) {
            return Payloads.done(Payloads.invalid(request));
        }
        AttributeRequest keys = request.value();
        CompletionStage<List<AttributeEntry>> client = read(services.attributes(), device, AttributeScope.CLIENT,
                keys.all(), keys.clientKeys());
        CompletionStage<List<AttributeEntry>> shared = read(services.attributes(), device, AttributeScope.SHARED,
                keys.all(), keys.sharedKeys());
        String topic = family.attributeResponseTopic(id);
        return client.thenCombine(shared, (c, s) -> Outcome.ok(
                new Outbound(topic, AttributeResponses.body(c, s), session.qosFor(topic), null)));
    }

    private static CompletionStage<List<AttributeEntry>> read(AttributeService attributes, DeviceRef device,
            AttributeScope scope, boolean all, @Nullable List<String> keys) {
        if (all) {
            return attributes.read(device.id(), scope, null);
        }
        return keys == null ? CompletableFuture.completedFuture(List.of()) : attributes.read(device.id(), scope, keys);
    }
}
