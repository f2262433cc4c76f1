package io.petrel.mqtt.device;

import io.petrel.mqtt.protocol.ActionExecutor;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.mqtt.protocol.ProtocolAction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Carries out a device connection's answers in the order its packets arrived, although the platform decides
 * some of them later, off the event loop: PUBACKs go out in the order of their PUBLISH packets [MQTT-4.6.0-2]
 * whether the platform or the broker handled each (device-api.md §0, ordering). An answer that is ready while
 * none waits goes out at once, without allocating. Used on the connection's loop only.
 */
public final class ArrivalOrder {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private CompletableFuture<Void> tail = DONE;

    /**
     * Carries out a decision once it is made and every earlier one has been carried out.
     *
     * @param act what to do with the decision, or with the failure to make it; runs on the connection's loop
     */
    public <T> void add(MqttConnection conn, CompletionStage<T> decision,
            BiConsumer<@Nullable T, @Nullable Throwable> act) {
        CompletableFuture<T> decided = decision.toCompletableFuture();
        if (tail.isDone() && decided.isDone()) {
            actOn(decided, act);
            return;
        }
        CompletableFuture<Void> previous = tail;
        CompletableFuture<Void> carriedOut = new CompletableFuture<>();
        tail = carriedOut;
        CompletableFuture.allOf(previous, decided).whenComplete((ignored, failure) -> conn.onLoop(() -> {
            try {
                actOn(decided, act);
            } finally {
                carriedOut.complete(null);
            }
        }));
    }

    /**
     * An answer decided now: returned to be carried out at once when nothing waits, else queued behind what
     * waits. Only replies wait; a DISCONNECT for a protocol violation goes at once.
     */
    public ProtocolAction inOrder(MqttConnection conn, ProtocolAction action) {
        if (tail.isDone() || !(action instanceof ProtocolAction.Reply)) {
            return action;
        }
        add(conn, DONE, (ignored, failure) -> ActionExecutor.execute(conn, action));
        return ProtocolAction.NONE;
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
