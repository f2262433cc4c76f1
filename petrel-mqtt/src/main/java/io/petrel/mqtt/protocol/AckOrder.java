package io.petrel.mqtt.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends a connection's PUBACKs and PUBRECs in the order the PUBLISH packets arrived [MQTT-4.6.0-2]
 * [MQTT-4.6.0-3], although each waits for its own store commit: an acknowledgement goes out once its commit
 * is done and every earlier one has gone out. When nothing is pending it goes out at once, with no
 * allocation. Commits complete on the store's thread; the acknowledgement is always sent on the connection's
 * loop. Used on that loop only.
 *
 * <p>The device platform's answers to a device's PUBLISH packets, decided off the loop as well, take their
 * place in the same line (device-api.md §0, ordering), so that a device's PUBACKs keep the order of its
 * PUBLISH packets whether the platform or the broker handled each.
 */
public final class AckOrder {
    private static final CompletableFuture<Void> NONE_PENDING = CompletableFuture.completedFuture(null);

    private CompletableFuture<Void> tail = NONE_PENDING;

    /**
     * Decides how to acknowledge a PUBLISH whose state is committed when {@code stored} completes.
     *
     * @param ack the acknowledgement
     * @param failed what to do instead if the commit fails
     * @return the acknowledgement when it can go now, else nothing: it is sent later
     */
    public ProtocolAction after(MqttConnection conn, CompletableFuture<Void> stored, ProtocolAction ack,
            Supplier<ProtocolAction> failed) {
        if (tail.isDone() && stored.isDone()) {
            return stored.isCompletedExceptionally() ? failed.get() : ack;
        }
        CompletableFuture<Void> previous = tail;
        CompletableFuture<Void> sent = new CompletableFuture<>();
        tail = sent;
        CompletableFuture.allOf(previous, stored).whenComplete((ok, error) -> conn.onLoop(() -> {
            ActionExecutor.execute(conn, stored.isCompletedExceptionally() ? failed.get() : ack);
            sent.complete(null);
        }));
        return ProtocolAction.NONE;
    }

    /**
     * Carries out a decision made off the loop, such as the device platform's answer to a PUBLISH, in line with
     * the acknowledgements: once it is made and everything before it has gone out.
     *
     * @param act what to do with the decision, or with the failure to make it; runs on the connection's loop
     */
    public <T> void then(MqttConnection conn, CompletionStage<T> decision,
            BiConsumer<@Nullable T, @Nullable Throwable> act) {
        CompletableFuture<T> decided = decision.toCompletableFuture();
        if (tail.isDone() && decided.isDone()) {
            actOn(decided, act);
            return;
        }
        CompletableFuture<Void> previous = tail;
        CompletableFuture<Void> carriedOut = new CompletableFuture<>();
        tail = carriedOut;
        CompletableFuture.allOf(previous, decided).whenComplete((ok, error) -> conn.onLoop(() -> {
            try {
                actOn(decided, act);
            } finally {
                carriedOut.complete(null);
            }
        }));
    }

    private static <T> void actOn(CompletableFuture<T> decided, BiConsumer<@Nullable T, @Nullable Throwable> act) {
        T value;
        try {
            value = decided.join();
        } catch (RuntimeException failure) {
            act.accept(null, failure.getCause() != null ? failure.getCause() : failure);
            return;
        }
        act.accept(value, null);
    }
}
