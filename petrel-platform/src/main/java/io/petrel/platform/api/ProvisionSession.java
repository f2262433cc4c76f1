package io.petrel.platform.api;

import io.petrel.api.QoS;
import io.petrel.platform.Result;
import io.petrel.platform.provision.ProvisionRequest;
import io.petrel.platform.provision.ProvisionService;
import io.petrel.platform.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A provision-only session (device-api.md §1.4, §12). It may subscribe to {@code /provision/response} and
 * publish to {@code /provision/request}, nothing else; it never becomes a device session. The answer is sent
 * whether or not it subscribed, and the session is closed a while after it.
 */
public final class ProvisionSession implements PlatformSession {
    static final String REQUEST = "/provision/request";
    static final String RESPONSE = "/provision/response";

    private final ProvisionService provisioning;
    private final Executor workers;
    private final Scheduler scheduler;
    private final Downlink downlink;
    private final boolean v5;
    private final long lingerMillis;
    private volatile int responseQos = 1;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private volatile Scheduler.Cancellable closer = () -> { };

    public ProvisionSession(ProvisionService provisioning, Executor workers, Scheduler scheduler, Downlink downlink,
            int protocolLevel, long lingerMillis) {
        this.provisioning = provisioning;
        this.workers = workers;
        this.scheduler = scheduler;
        this.downlink = downlink;
        this.v5 = protocolLevel == 5;
        this.lingerMillis = lingerMillis;
    }

    @Override
    public CompletionStage<PublishDecision> onPublish(String topic, byte[] payload, int qos) {
        CompletionStage<Outcome> work;
        if (qos > 1) {
            work = Payloads.done(Outcome.error(DeviceError.QOS_NOT_SUPPORTED, "QoS 2 is not supported"));
        } else if (!topic.equals(REQUEST)) {
            work = Payloads.done(Outcome.error(DeviceError.PROVISION_ONLY,
                    "a provision session may publish only to " + REQUEST));
        } else {
            work = provision(payload);
        }
        CompletableFuture<PublishDecision> decision = tail.thenCombine(work,
                (previous, outcome) -> ErrorPolicy.decide(outcome, v5, qos));
        tail = decision;
        return decision;
    }

    private CompletionStage<Outcome> provision(byte[] payload) {
        Result<ProvisionRequest> request = ProvisionRequest.parse(payload);
        if (!request.isOk()) {
            return Payloads.done(Payloads.invalid(request));
        }
        return CompletableFuture.supplyAsync(() -> provisioning.provision(request.value()), workers)
                .thenApply(answer -> {
                    closer.cancel();
                    closer = scheduler.schedule(() -> downlink.close(ReasonCode.SUCCESS), lingerMillis);
                    return Outcome.ok(new Outbound(RESPONSE, answer, QoS.of(responseQos), null));
                })
                .exceptionally(failure -> Outcome.error(DeviceError.INTERNAL_ERROR, "provisioning failed"));
    }

    @Override
    public SubscribeDecision onSubscribe(List<Subscription> subscriptions) {
        List<Integer> codes = new ArrayList<>(subscriptions.size());
        for (Subscription subscription : subscriptions) {
            if (subscription.filter().equals(RESPONSE)) {
                responseQos = Math.min(subscription.qos(), 1);
                codes.add(responseQos);
            } else {
                codes.add(v5 ? ReasonCode.TOPIC_FILTER_INVALID.value() : ReasonCode.UNSPECIFIED_ERROR.value());
            }
        }
        return new SubscribeDecision(codes, List.of());
    }

    @Override
    public List<ReasonCode> onUnsubscribe(List<String> filters) {
        return filters.stream()
                .map(filter -> filter.equals(RESPONSE) ? ReasonCode.SUCCESS : ReasonCode.NO_SUBSCRIPTION_EXISTED)
                .toList();
    }

    @Override
    public void onPing() {
    }

    @Override
    public void onClose() {
        closer.cancel();
    }
}
