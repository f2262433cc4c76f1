package io.petrel.cli.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connected MQTT client as {@code petrel pub} and {@code petrel sub} use it, whatever the MQTT version. */
interface CliClient extends AutoCloseable {
    /**
     * Publishes a message. The future completes when QoS 0 is written, QoS 1 acknowledged or QoS 2 complete,
     * and fails with a {@link ClientFailure} if the broker refused it.
     */
    CompletableFuture<Void> publish(OutgoingMessage message);

    /**
     * Subscribes to filters; matching messages go to the consumer given at connect. Fails with a
     * {@link ClientFailure} if the broker refused any filter.
     */
    CompletableFuture<Void> subscribe(List<String> filters, int qos);

    /** Sends DISCONNECT and closes the connection. */
    @Override
    void close();
}
