package io.petrel.engine.sys;

import static io.petrel.engine.testing.EngineHarness.message;
import static io.petrel.engine.testing.EngineHarness.retained;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.session.SessionConfig;
import io.petrel.engine.testing.EngineHarness;
import io.petrel.engine.testing.TestConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysTopicsTest {
    private final EngineHarness broker = new EngineHarness(
            new EngineConfig(new SessionConfig(10, 2, false, SessionConfig.NEVER_EXPIRE), Duration.ofSeconds(10), "1.2.3"));

    @Test
    void publishesMosquittosTopicNames() {
        broker.engine().start();
        broker.loops().runPending();

        // The names Mosquitto 2.0 publishes, so that dashboards built for it find them.
        assertThat(broker.engine().retained().size()).isPositive();
        for (String name : new String[] {"version", "uptime", "clients/connected", "clients/disconnected",
                "clients/total", "clients/maximum", "clients/expired", "messages/received", "messages/sent",
                "messages/stored", "store/messages/count", "publish/messages/received", "publish/messages/sent",
                "publish/messages/dropped", "publish/bytes/received", "publish/bytes/sent", "bytes/received",
                "bytes/sent", "subscriptions/count", "shared_subscriptions/count", "retained messages/count",
                "load/messages/received/1min", "load/messages/sent/5min", "load/publish/received/15min",
                "load/publish/sent/1min", "load/publish/dropped/1min", "load/bytes/received/1min",
                "load/bytes/sent/1min", "load/connections/1min"}) {
            assertThat(sys("$SYS/broker/" + name)).as(name).isNotNull();
        }
        assertThat(sys("$SYS/broker/version")).isEqualTo("petrel version 1.2.3");
    }

    @Test
    void valuesFollowTheBroker() {
        broker.engine().start();
        TestConnection a = broker.connectPersistent("a");
        TestConnection b = broker.connectClean("b");
        a.subscribe("t/#", QoS.AT_LEAST_ONCE);
        a.subscribe("$share/g/t", QoS.AT_LEAST_ONCE);
        b.publish(message("t/x", "12345", QoS.AT_LEAST_ONCE));
        broker.publish(retained("r", "kept", QoS.AT_MOST_ONCE));
        a.drop();
        for (int i = 0; i < 3; i++) {
            broker.publish(message("t/x", "q", QoS.AT_LEAST_ONCE));
        }

        broker.metrics().closed("KEEP_ALIVE_TIMEOUT");
        broker.metrics().refused("PUBLISH_NOT_AUTHORIZED");
        broker.metrics().refused("PUBLISH_NOT_AUTHORIZED");

        broker.advance(Duration.ofSeconds(10));

        assertThat(sys("$SYS/petrel/connections/closed/keep_alive_timeout")).isEqualTo("1");
        assertThat(sys("$SYS/petrel/refusals/publish_not_authorized")).isEqualTo("2");
        assertThat(sys("$SYS/broker/uptime")).isEqualTo("10 seconds");
        assertThat(sys("$SYS/broker/clients/connected")).isEqualTo("1");
        assertThat(sys("$SYS/broker/clients/disconnected")).isEqualTo("1");
        assertThat(sys("$SYS/broker/clients/total")).isEqualTo("2");
        assertThat(sys("$SYS/broker/clients/maximum")).isEqualTo("2");
        assertThat(sys("$SYS/broker/subscriptions/count")).isEqualTo("2");
        assertThat(sys("$SYS/broker/shared_subscriptions/count")).isEqualTo("1");
        assertThat(sys("$SYS/broker/publish/messages/sent")).isEqualTo("1");
        assertThat(sys("$SYS/broker/publish/bytes/received")).isEqualTo("5");
        assertThat(sys("$SYS/broker/publish/bytes/sent")).isEqualTo("5");
        // One QoS 1 message in flight to a, two queued; the third did not fit the queue of two.
        assertThat(sys("$SYS/petrel/messages/inflight")).isEqualTo("1");
        assertThat(sys("$SYS/petrel/messages/queued")).isEqualTo("2");
        assertThat(sys("$SYS/petrel/publish/dropped/queue_full")).isEqualTo("1");
        assertThat(sys("$SYS/broker/publish/messages/dropped")).isEqualTo("1");
        int retainedCount = Integer.parseInt(sys("$SYS/broker/retained messages/count"));
        assertThat(sys("$SYS/broker/store/messages/count")).isEqualTo(Integer.toString(retainedCount + 3));
    }

    @Test
    void loadAveragesFollowTheRate() {
        broker.engine().start();
        TestConnection a = broker.connectPersistent("a");
        a.subscribe("t", QoS.AT_MOST_ONCE);
        for (int minute = 0; minute < 5; minute++) {
            for (int i = 0; i < 60; i++) {
                broker.publish(message("t", "x", QoS.AT_MOST_ONCE));
                broker.advance(Duration.ofSeconds(1));
            }
        }

        double oneMinute = Double.parseDouble(sys("$SYS/broker/load/publish/sent/1min"));
        double fifteen = Double.parseDouble(sys("$SYS/broker/load/publish/sent/15min"));
        assertThat(oneMinute).isBetween(55.0, 61.0);
        assertThat(fifteen).isBetween(10.0, oneMinute);
    }

    @Test
    void onlyChangedValuesArePublishedAgain() {
        broker.engine().start();
        TestConnection watcher = broker.connectClean("watcher");
        watcher.subscribe("$SYS/broker/version", QoS.AT_MOST_ONCE);
        watcher.subscribe("$SYS/broker/uptime", QoS.AT_MOST_ONCE);
        watcher.clear();

        broker.advance(Duration.ofSeconds(30));

        assertThat(watcher.sent()).extracting(TestConnection.Sent::topic).containsOnly("$SYS/broker/uptime").hasSize(3);
    }

    @Test
    void aLeadingWildcardDoesNotSeeSys() {
        // [MQTT-4.7.2-1]
        TestConnection everything = broker.connectClean("everything");
        everything.subscribe("#", QoS.AT_MOST_ONCE);

        broker.engine().start();
        broker.advance(Duration.ofSeconds(20));

        assertThat(everything.sent()).isEmpty();
    }

    private String sys(String topic) {
        Message message = broker.engine().retained().get(topic);
        return message == null ? null : new String(message.payload(), StandardCharsets.UTF_8);
    }
}
