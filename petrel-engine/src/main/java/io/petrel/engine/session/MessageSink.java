package io.petrel.engine.session;

import io.petrel.api.Message;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Where a session sends the messages it originates: its wills, and shared messages it hands back. */
public interface MessageSink {
    /**
     * Publishes a message as if the given session's client had sent it.
     *
     * @return a stage that completes once what the publication wrote to the store is committed
     */
    CompletableFuture<Void> publish(Message message, @Nullable Session publisher);

    /**
     * Hands a message that was routed to {@code from} through a share group to another member of the group.
     *
     * @return false if no other member exists, in which case {@code from} keeps it
     */
    boolean redeliverShared(Delivery delivery, Session from);
}
