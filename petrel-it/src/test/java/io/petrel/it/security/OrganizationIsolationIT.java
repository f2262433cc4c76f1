package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant-isolation matrix: users of organizations acme and beta, and of the default organization, each
 * with every kind of wide filter, plain and shared, live and retained. Each sees its own organization only;
 * an operator reaches them explicitly.
 */
class OrganizationIsolationIT {
    private static final List<String> FILTERS = List.of("#", "+/#", "$share/g/#", "t/+");
    private static final List<String> USERS = List.of("ann", "ben", "dora");

    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        petrel = SecureBroker.start(SecureBroker.security(
                SecureBroker.passwordFile(dir, "ann", "ben", "dora", "root"), null,
                Map.of("acme", List.of("ann"), "beta", List.of("ben")), Set.of("root")));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Mqtt5BlockingClient::disconnect);
    }

    @Test
    void everyFilterSeesItsOwnOrganizationOnlyAndTheOperatorSeesAllExplicitly() {
        Map<String, List<Inbox>> inboxes = new HashMap<>();
        for (String user : USERS) {
            List<Inbox> own = new ArrayList<>();
            for (String filter : FILTERS) {
                own.add(inbox(user, user + "-" + filter.hashCode()).subscribe(filter));
            }
            inboxes.put(user, own);
        }
        Inbox operator = inbox("root", "root-watch").subscribe("$org/+/t/#").subscribe("t/#");
        List<String> v3Received = new CopyOnWriteArrayList<>();
        MqttClient v3Subscriber = paho("ann", "ann-v3");
        subscribeV3(v3Subscriber, "#", v3Received);

        for (String user : USERS) {
            publish(connect(user, user + "-pub"), "t/" + user, user, false);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.received.size() == 3);
        assertThat(operator.received).containsExactlyInAnyOrder("$org/acme/t/ann=ann", "$org/beta/t/ben=ben",
                "t/dora=dora");
        // A barrier per organization: its own last message arrives after anything routed before it.
        for (String user : USERS) {
            publish(connect(user, user + "-done"), "t/done", "done", false);
        }
        for (String user : USERS) {
            for (Inbox inbox : inboxes.get(user)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> inbox.received.contains("t/done=done"));
                assertThat(inbox.received).as(inbox.name).containsExactly("t/" + user + "=" + user, "t/done=done");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> v3Received.contains("t/done=done"));
        assertThat(v3Received).containsExactly("t/ann=ann", "t/done=done");
        closeQuietly(v3Subscriber);
    }

    private static void subscribeV3(MqttClient client, String filter, List<String> into) {
        try {
            client.subscribe(filter, 1, (topic, message) -> into.add(topic + "=" + new String(message.getPayload(),
                    StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(MqttClient client) {
        try {
            client.disconnect();
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void retainedMessagesStayInTheirOrganization() {
        for (String user : USERS) {
            publish(connect(user, user + "-retain"), "r/" + user, user, true);
        }
        Inbox operator = inbox("root", "root-retained").subscribe("$org/+/r/#").subscribe("r/#");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.received.size() == 3);
        for (String user : USERS) {
            for (String filter : List.of("#", "+/#", "r/+")) {
                Inbox late = inbox(user, user + "-late-" + filter.hashCode()).subscribe(filter);
                await().atMost(Duration.ofSeconds(10)).until(() -> !late.received.isEmpty());
                publish(connect(user, user + "-barrier-" + filter.hashCode()), "r/zz-barrier", "b", false);
                await().atMost(Duration.ofSeconds(10)).until(() -> late.received.contains("r/zz-barrier=b"));
                assertThat(late.received).as(late.name).containsExactly("r/" + user + "=" + user, "r/zz-barrier=b");
            }
        }
    }

    @Test
    void theDefaultOrganizationCannotNameAnotherOnesTopics() {
        Inbox ann = inbox("ann", "ann-victim").subscribe("#");
        Mqtt5BlockingClient dora = connect("dora", "dora-forger");
        Mqtt5PubAckReasonCode code;
        try {
            code = ((Mqtt5PublishResult.Mqtt5Qos1Result) dora.publishWith().topic("$org/acme/t/x").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("forged"))
                            .send()).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            code = e.getMqttMessage().getReasonCode();
        }
        assertThat(code).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        publish(connect("ann", "ann-self"), "t/self", "self", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> ann.received.contains("t/self=self"));
        assertThat(ann.received).containsExactly("t/self=self");
    }

    @Test
    void theOperatorAndThePlatformPublishIntoAnOrganizationExplicitly() {
        Inbox ann = inbox("ann", "ann-platform").subscribe("device/#");
        Inbox ben = inbox("ben", "ben-platform").subscribe("device/#");
        Inbox sys = inbox("ben", "ben-sys").subscribe("$SYS/broker/version");

        petrel.server().broker().publish("acme", Message.of("device/d1/status", utf8("online"), QoS.AT_LEAST_ONCE,
                false));
        publish(connect("root", "root-pub"), "$org/beta/device/d2/status", "online", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> !ann.received.isEmpty() && !ben.received.isEmpty());
        assertThat(ann.received).containsExactly("device/d1/status=online");
        assertThat(ben.received).containsExactly("device/d2/status=online");
        // $SYS is global: every organization reads it.
        await().atMost(Duration.ofSeconds(10)).until(() -> !sys.received.isEmpty());
        assertThat(sys.received.get(0)).startsWith("$SYS/broker/version=petrel");
    }

    @Test
    void equalClientIdsOfTwoOrganizationsAreTwoSessions() {
        Inbox ann = inbox("ann", "same-id").subscribe("x/#");
        Inbox ben = inbox("ben", "same-id").subscribe("x/#");
        assertThat(ann.client.getState().isConnected()).isTrue();
        publish(connect("ann", "ann-x"), "x/1", "acme", false);
        publish(connect("ben", "ben-x"), "x/1", "beta", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !ann.received.isEmpty() && !ben.received.isEmpty());
        assertThat(ann.received).containsExactly("x/1=acme");
        assertThat(ben.received).containsExactly("x/1=beta");
        // A default-organization client cannot name another organization's session to take it over.
        assertThatThrownBy(() -> SecureBroker.connectV5(petrel, "$org/acme/same-id", "dora", PASSWORD))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID));
        assertThat(ann.client.getState().isConnected()).isTrue();
    }

    private Inbox inbox(String user, String id) {
        return new Inbox(id, connect(user, id));
    }

    private Mqtt5BlockingClient connect(String user, String id) {
        Mqtt5BlockingClient client = SecureBroker.connectV5(petrel, id, user, PASSWORD);
        clients.add(client);
        return client;
    }

    private static void publish(Mqtt5BlockingClient client, String topic, String payload, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(utf8(payload)).send();
    }

    private static MqttClient paho(String user, String id) {
        try {
            MqttClient client = new MqttClient(petrel.tcpUri(), id, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(user);
            options.setPassword(PASSWORD.toCharArray());
            client.connect(options);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
