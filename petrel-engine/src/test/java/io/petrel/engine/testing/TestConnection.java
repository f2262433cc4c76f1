package io.petrel.engine.testing;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.api.topic.TopicFilter;
import io.petrel.engine.session.ClientConnection;
import io.petrel.engine.session.ConnectOutcome;
import io.petrel.engine.session.ConnectRequest;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.DisconnectCause;
import io.petrel.engine.session.Intake;
import io.petrel.engine.session.SendResult;
import io.petrel.engine.session.Session;
import io.petrel.engine.topic.SubscriptionOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One network connection of a test client, standing in for the transport: it records what the engine sends
 * and drives the session the way {@code petrel-mqtt} does, each call on its own loop. A connection the
 * engine closes detaches like a real one does when its channel goes inactive.
 */
public final class TestConnection implements ClientConnection {
    /**
     * One PUBLISH as the client received it.
     *
     * @param delivery what the engine handed over
     * @param packetId the packet id, 0 for QoS 0
     * @param duplicate the DUP flag
     */
    public record Sent(Delivery delivery, int packetId, boolean duplicate) {
        public Message message() {
            return delivery.message();
        }

        public String topic() {
            return delivery.message().topic();
        }

        public String payload() {
            return new String(delivery.message().payload(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public QoS qos() {
            return delivery.qos();
        }
    }

    private final EngineHarness harness;
    private final ManualLoops.ManualLoop loop;
    private final List<Sent> sent = new ArrayList<>();
    private final List<Integer> pubRels = new ArrayList<>();
    private final List<DisconnectCause> closes = new ArrayList<>();
    private int receiveMaximum = 65_535;
    private int maxPayload = Integer.MAX_VALUE;
    private boolean writable = true;
    private Intake intake = Intake.OPEN;
    private final List<Intake> intakeChanges = new ArrayList<>();
    private @Nullable Session session;
    private boolean sessionPresent;

    TestConnection(EngineHarness harness, ManualLoops.ManualLoop loop) {
        this.harness = harness;
        this.loop = loop;
    }

    /** Sets the client's receive maximum; call before connecting. */
    public TestConnection receiveMaximum(int value) {
        this.receiveMaximum = value;
        return this;
    }

    /** Makes every PUBLISH with a longer payload too large for this client. */
    public TestConnection maxPayload(int bytes) {
        this.maxPayload = bytes;
        return this;
    }

    /** Connects with the request, then starts delivery as the transport does once CONNACK is written. */
    public TestConnection connect(ConnectRequest request) {
        harness.loops().runOn(loop, () -> harness.engine().connect(request, this)
                .thenAccept(outcome -> loop.execute(() -> attached(outcome))));
        if (session == null) {
            throw new AssertionError("the engine did not attach " + request.clientId());
        }
        return this;
    }

    private void attached(ConnectOutcome outcome) {
        session = outcome.session();
        sessionPresent = outcome.sessionPresent();
        outcome.session().resume(this);
    }

    public Session session() {
        if (session == null) {
            throw new IllegalStateException("not connected");
        }
        return session;
    }

    public boolean sessionPresent() {
        return sessionPresent;
    }

    /** Subscribes, then asks for retained messages as the SUBSCRIBE handler does after its SUBACK. */
    public boolean subscribe(String filter, SubscriptionOptions options, int subscriptionId) {
        TopicFilter parsed = TopicFilter.parse(filter);
        boolean[] existed = new boolean[1];
        onLoop(() -> {
            existed[0] = session().subscribe(parsed, options, subscriptionId);
            session().sendRetained(parsed, existed[0]);
        });
        return existed[0];
    }

    public boolean subscribe(String filter, QoS qos) {
        return subscribe(filter, SubscriptionOptions.v3(qos), 0);
    }

    public boolean unsubscribe(String filter) {
        boolean[] removed = new boolean[1];
        onLoop(() -> removed[0] = session().unsubscribe(TopicFilter.parse(filter)));
        return removed[0];
    }

    /** Publishes as this client. */
    public void publish(Message message) {
        onLoop(() -> harness.engine().publish(message, session()));
    }

    public void pubAck(int packetId) {
        onLoop(() -> session().acknowledge(packetId));
    }

    public void pubRec(int packetId, boolean accepted) {
        onLoop(() -> session().received(packetId, accepted));
    }

    public void pubComp(int packetId) {
        onLoop(() -> session().completed(packetId));
    }

    /** Acknowledges every QoS 1 message received so far. */
    public void pubAckAll() {
        for (Sent s : List.copyOf(sent)) {
            if (s.qos() == QoS.AT_LEAST_ONCE) {
                pubAck(s.packetId());
            }
        }
    }

    /** The connection breaks without DISCONNECT. */
    public void drop() {
        onLoop(() -> session().detach(this, true, -1));
    }

    /** DISCONNECT with reason 0x00, which discards the will. */
    public void disconnect() {
        onLoop(() -> session().detach(this, false, -1));
    }

    /** DISCONNECT with reason 0x04, "disconnect with will message". */
    public void disconnectWithWill() {
        onLoop(() -> session().detach(this, true, -1));
    }

    /** Makes the connection unwritable or writable again, as Netty's writability does. */
    public void writable(boolean value) {
        writable = value;
        if (value && session != null) {
            onLoop(() -> session().writable(this));
        }
    }

    public void onLoop(Runnable task) {
        harness.loops().runOn(loop, task);
    }

    public List<Sent> sent() {
        return sent;
    }

    /** The payloads received so far, in order. */
    public List<String> payloads() {
        return sent.stream().map(Sent::payload).toList();
    }

    public Sent last() {
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent");
        }
        return sent.get(sent.size() - 1);
    }

    public List<Integer> pubRels() {
        return pubRels;
    }

    public List<DisconnectCause> closes() {
        return closes;
    }

    /** What flow control lets the connection read now. */
    public Intake intake() {
        return intake;
    }

    /** Every intake the engine set, in order. */
    public List<Intake> intakeChanges() {
        return intakeChanges;
    }

    public void clear() {
        sent.clear();
        pubRels.clear();
    }

    @Override
    public ManualLoops.ManualLoop loop() {
        return loop;
    }

    @Override
    public int receiveMaximum() {
        return receiveMaximum;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public SendResult sendPublish(Delivery delivery, int packetId, boolean duplicate) {
        assertOnLoop();
        if (delivery.message().payload().length > maxPayload) {
            return SendResult.TOO_LARGE;
        }
        sent.add(new Sent(delivery, packetId, duplicate));
        return SendResult.SENT;
    }

    @Override
    public void intake(Intake mode) {
        assertOnLoop();
        intake = mode;
        intakeChanges.add(mode);
    }

    @Override
    public void sendPubRel(int packetId) {
        assertOnLoop();
        pubRels.add(packetId);
    }

    @Override
    public void close(DisconnectCause cause) {
        assertOnLoop();
        closes.add(cause);
        // The channel goes inactive afterwards, and the transport detaches it as an abnormal end.
        Session attached = session;
        if (attached != null) {
            loop.execute(() -> attached.run(() -> attached.detach(this, true, -1)));
        }
    }

    private void assertOnLoop() {
        if (!loop.inLoop()) {
            throw new AssertionError("called off the connection's loop");
        }
    }

    @Override
    public String toString() {
        return "TestConnection[" + loop + "]";
    }
}
