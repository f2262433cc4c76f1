package io.petrel.engine.testing;

import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.MessageProperties;
import io.petrel.api.Principal;
import io.petrel.api.QoS;
import io.petrel.api.store.BrokerStore;
import io.petrel.engine.Engine;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.engine.session.ConnectRequest;
import io.petrel.engine.session.SessionConfig;
import io.petrel.engine.session.Will;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A real engine on {@link ManualLoops}: two loops, so that sessions hop between loops as in production, and
 * a clock that moves only when the test advances it.
 */
public final class EngineHarness {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualLoops loops = new ManualLoops(2, START);
    private final Engine engine;
    private int nextLoop;

    public EngineHarness() {
        this(SessionConfig.defaults());
    }

    public EngineHarness(SessionConfig sessions) {
        this(new EngineConfig(sessions, Duration.ZERO, "test"));
    }

    public EngineHarness(EngineConfig config) {
        this(config, null);
    }

    /** An engine whose persistent sessions keep their state in a store, as in durable mode. */
    public EngineHarness(BrokerStore store) {
        this(new EngineConfig(SessionConfig.defaults(), Duration.ZERO, "test"), store);
    }

    private EngineHarness(EngineConfig config, @Nullable BrokerStore store) {
        this.engine = new Engine(config, loops, loops, store);
    }

    public Engine engine() {
        return engine;
    }

    public ManualLoops loops() {
        return loops;
    }

    public BrokerMetrics metrics() {
        return engine.metrics();
    }

    /** A new connection on the next loop, round robin, so consecutive connections sit on different loops. */
    public TestConnection connection() {
        TestConnection conn = new TestConnection(this, loops.loop(nextLoop));
        nextLoop = (nextLoop + 1) % loops.loops().size();
        return conn;
    }

    /** Connects a client with a clean session that ends with the connection, as MQTT 3 clean session 1. */
    public TestConnection connectClean(String clientId) {
        return connection().connect(request(clientId, true, 0, null));
    }

    /** Connects a client whose session never expires, as MQTT 3 clean session 0. */
    public TestConnection connectPersistent(String clientId) {
        return connection().connect(request(clientId, false, SessionConfig.NEVER_EXPIRE, null));
    }

    public static ConnectRequest request(String clientId, boolean cleanStart, long expirySeconds,
            @Nullable Will will) {
        ClientInfo client = new ClientInfo(clientId, null, new InetSocketAddress("127.0.0.1", 1883), 5, "test",
                Principal.ANONYMOUS);
        return new ConnectRequest(client, cleanStart, expirySeconds, will);
    }

    /** Advances the clock, running what becomes due. */
    public void advance(Duration duration) {
        loops.advance(duration);
    }

    /** Publishes from the broker itself, as $SYS does, from outside any loop. */
    public void publish(Message message) {
        engine.publish(message, null);
        loops.runPending();
    }

    public static Message message(String topic, String payload, QoS qos) {
        return Message.of(topic, bytes(payload), qos, false);
    }

    public static Message retained(String topic, String payload, QoS qos) {
        return Message.of(topic, bytes(payload), qos, true);
    }

    /** A message from a client, which no-local compares against. */
    public static Message from(String publisherId, String topic, String payload, QoS qos) {
        return new Message(topic, bytes(payload), qos, false, MessageProperties.NONE, Message.NO_EXPIRY,
                publisherId);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
