package io.petrel.cli.bench;

import io.petrel.cli.client.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one benchmark run needs.
 *
 * @param scenario the shape of the load
 * @param endpoint the broker
 * @param connect how connections introduce themselves
 * @param publishers how many publishers, or connections for {@link Scenario#CONN}
 * @param subscribers how many subscribers
 * @param publish what each publisher sends
 * @param subscribeQos the QoS subscriptions ask for
 * @param topic the publish topic, with {@code %i}
 * @param filter the subscription filter, with {@code %i}
 * @param duration how long publishers publish, or {@link Scenario#CONN} holds its connections
 * @param connectRate new connections per second; 0 for as fast as the broker accepts them
 * @param sourceAddresses local addresses connections are spread over; empty for the kernel's choice
 * @param threads event loop threads
 * @param caFile the CA to trust for TLS, or null for the JDK's
 * @param insecure trust any server certificate
 */
record BenchPlan(Scenario scenario, Endpoint endpoint, ConnectSettings connect, int publishers, int subscribers,
        PublishSettings publish, int subscribeQos, String topic, String filter, Duration duration,
        double connectRate, List<String> sourceAddresses, int threads, @Nullable Path caFile, boolean insecure) {

    /** The same plan for another duration. */
    BenchPlan withDuration(Duration other) {
        return new BenchPlan(scenario, endpoint, connect, publishers, subscribers, publish, subscribeQos, topic, filter,
                other, connectRate, sourceAddresses, threads, caFile, insecure);
    }

    /** Connections the run opens. */
    int connections() {
        return publishers + subscribers;
    }
}
