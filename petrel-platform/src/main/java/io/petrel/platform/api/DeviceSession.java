package io.petrel.platform.api;

import io.petrel.platform.DeviceRef;
import io.petrel.platform.session.SessionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live session of a registered device. Each PUBLISH is routed by topic to its handler; the outcome is
 * turned into a decision by the error matrix (device-api.md §17) for the session's protocol version and the
 * publish's QoS. Decisions complete in arrival order, whatever order their stores finish in.
 */
public final class DeviceSession implements PlatformSession {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

    private final DeviceServices services;
    private final SessionHandle handle;
    private final boolean v5;
    private final AtomicInteger undecided = new AtomicInteger();
    private final AtomicBoolean readingPaused = new AtomicBoolean();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    /**
     * @param services the platform's services
     * @param handle the session as registered with the device's live sessions
     * @param protocolLevel the MQTT protocol level: 3, 4 or 5
     */
    public DeviceSession(DeviceServices services, SessionHandle handle, int protocolLevel) {
        this.services = services;
        this.handle = handle;
        this.v5 = protocolLevel == 5;
    }

    public DeviceRef device() {
        return handle.device();
    }

    public SessionHandle handle() {
        return handle;
    }

    @Override
    public CompletionStage<PublishDecision> onPublish(String topic, byte[] payload, int qos) {
        long now = activity();
        CompletionStage<Outcome> work;
        if (qos > 1) {
            // Device sessions take QoS 0 and 1 only (device-api.md §0).
            work = Payloads.done(Outcome.error(DeviceError.QOS_NOT_SUPPORTED, "QoS 2 is not supported"));
        } else {
            work = dispatch(DeviceTopics.parse(topic), payload, now);
        }
        CompletableFuture<PublishDecision> decision = tail.thenCombine(
                work.exceptionally(failure -> internalError(topic, failure)),
                (previous, outcome) -> ErrorPolicy.decide(outcome, v5, qos));
        tail = decision;
        throttle(decision);
        return decision;
    }

    private CompletionStage<Outcome> dispatch(DeviceTopic topic, byte[] payload, long now) {
        DeviceRef device = handle.device();
        try {
            return switch (topic) {
                case DeviceTopic.Telemetry t -> TelemetryUploads.handle(services, device, t.family(), payload, now);
                case DeviceTopic.Attributes a -> AttributeUploads.handle(services, device, a.family(), payload);
                case DeviceTopic.AttributeRequest r -> AttributeReads.handle(services, handle, r.family(), r.id(),
                        payload);
                case DeviceTopic.RpcResponse r -> RpcMessages.response(services, handle, r.family(), r.id(), payload);
                case DeviceTopic.RpcRequest r -> RpcMessages.request(services, handle, r.family(), r.id(), payload);
                case DeviceTopic.Claim c -> OtherTopics.claim(services, device, payload);
                case DeviceTopic.OtaChunk o -> OtherTopics.otaChunk(handle, o);
                case DeviceTopic.Gateway g -> OtherTopics.gateway(device, g.topic());
                case DeviceTopic.Stream s -> StreamUploads.handle(services, device, s.deviceName(), s.key(), payload,
                        now);
                case DeviceTopic.Provision p -> Payloads.done(
                        Outcome.error(DeviceError.UNKNOWN_TOPIC, "only provision sessions may provision"));
                case DeviceTopic.Unknown u -> Payloads.done(
                        Outcome.error(DeviceError.UNKNOWN_TOPIC, "not a device API topic"));
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Outcome internalError(String topic, Throwable failure) {
        LOG.warn("Device {} ({}): handling a publish to {} failed", handle.device().name(), handle.device().id(),
                topic, failure);
        return Outcome.error(DeviceError.INTERNAL_ERROR, "internal error");
    }

    /**
     * Stops reading the connection while the session has as many publishes awaiting decisions as it may have
     * in flight, and resumes at half of that: backpressure from the store to the device.
     */
    private void throttle(CompletableFuture<PublishDecision> decision) {
        int limit = services.config().maxInflightMessages();
        if (undecided.incrementAndGet() >= limit && readingPaused.compareAndSet(false, true)) {
            handle.downlink().setReading(false);
        }
        decision.whenComplete((d, failure) -> {
            if (undecided.decrementAndGet() <= limit / 2 && readingPaused.compareAndSet(true, false)) {
                handle.downlink().setReading(true);
            }
        });
    }

    @Override
    public SubscribeDecision onSubscribe(List<Subscription> subscriptions) {
        activity();
        List<Integer> codes = new ArrayList<>(subscriptions.size());
        boolean rpcSubscribed = false;
        for (Subscription subscription : subscriptions) {
            SubscriptionFilters.Allowed allowed = SubscriptionFilters.classify(subscription.filter());
            if (allowed == null || !allowed.family().isJson(handle.device().payloadType())) {
                codes.add(v5 ? ReasonCode.TOPIC_FILTER_INVALID.value() : ReasonCode.UNSPECIFIED_ERROR.value());
                continue;
            }
            // Devices get QoS 0 and 1 only: the granted QoS is at most 1 (device-api.md §0).
            int granted = Math.min(subscription.qos(), 1);
            handle.subscribed(subscription.filter(), granted);
            codes.add(granted);
            switch (allowed.purpose()) {
                case ATTRIBUTE_PUSH -> handle.setAttributePushes(allowed.family());
                case RPC_REQUEST -> {
                    handle.setRpcRequests(allowed.family());
                    rpcSubscribed = true;
                }
                case RESPONSES -> {
                }
            }
        }
        List<Outbound> pending = rpcSubscribed ? services.serverRpc().flush(handle) : List.of();
        return new SubscribeDecision(codes, pending);
    }

    @Override
    public List<ReasonCode> onUnsubscribe(List<String> filters) {
        activity();
        List<ReasonCode> codes = new ArrayList<>(filters.size());
        for (String filter : filters) {
            if (!handle.unsubscribed(filter)) {
                codes.add(ReasonCode.NO_SUBSCRIPTION_EXISTED);
                continue;
            }
            codes.add(ReasonCode.SUCCESS);
            SubscriptionFilters.Allowed allowed = SubscriptionFilters.classify(filter);
            if (allowed != null && allowed.purpose() == SubscriptionFilters.Purpose.ATTRIBUTE_PUSH) {
                handle.setAttributePushes(remaining(SubscriptionFilters.Purpose.ATTRIBUTE_PUSH));
            } else if (allowed != null && allowed.purpose() == SubscriptionFilters.Purpose.RPC_REQUEST) {
                handle.setRpcRequests(remaining(SubscriptionFilters.Purpose.RPC_REQUEST));
            }
        }
        return codes;
    }

    /** The family of another subscription with the same purpose that the session still has, or null. */
    private @Nullable TopicFamily remaining(SubscriptionFilters.Purpose purpose) {
        for (TopicFamily family : TopicFamily.values()) {
            String filter = purpose == SubscriptionFilters.Purpose.ATTRIBUTE_PUSH ? family.attributePushTopic()
                    : family.rpcRequestFilter();
            if (handle.isSubscribed(filter)) {
                return family;
            }
        }
        return null;
    }

    @Override
    public void onPing() {
        activity();
    }

    @Override
    public void onClose() {
        services.sessions().unregister(handle);
    }

    private long activity() {
        long now = services.clock().millis();
        handle.traffic(now);
        services.activity().activity(handle.device(), now);
        return now;
    }
}
