package io.petrel.mqtt.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends a connection's PUBACKs and PUBRECs in the order the PUBLISH packets arrived [MQTT-4.6.0-2]
 * [MQTT-4.6.0-3], although each waits for its own store commit: an acknowledgement goes out once its commit
 * is done and every earlier one has gone out. When nothing is pending it goes out at once, with no
 * allocation. Commits complete on the store's thread; the acknowledgement is always sent on the connection's
 * loop. Used on that loop only.
 */
public final class AckOrder {
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

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
}
