package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.handler.PublishHandlerTest.assertReply;
import static io.petrel.mqtt.listener.ClientPackets.connect;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.Principal;
import io.petrel.api.QoS;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.limit.ClientLimits;
import io.petrel.api.limit.PublishQuota;
import io.petrel.engine.Engine;
import io.petrel.engine.EngineConfig;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.LiveConnections;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What security asks of the protocol layer: organization namespaces, credential expiry, limits and quotas. */
class SecurityEdgeTest {
    private final AtomicInteger admitted = new AtomicInteger();

    @Test
    void aMountedClientsTopicsAreMappedIntoItsOrganizationBothWays() {
        try (ProtocolHarness channel = new ProtocolHarness(context(new Principal("app", "acme"), ClientLimits.NONE))) {
            connected(channel, MqttVersion.MQTT_5, "dash");
            channel.send(subscribe(1, "#", qos(0)));
            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(0);
            // The engine holds the subscription inside acme's subtree only.
            Engine engine = channel.protocol().engine();
            engine.publish(Message.of("t", bytes("root"), QoS.AT_MOST_ONCE, false), null);
            engine.publish(Message.of("$org/beta/t", bytes("beta"), QoS.AT_MOST_ONCE, false), null);
            engine.publish(Message.of("$org/acme/t", bytes("acme"), QoS.AT_MOST_ONCE, false), null);
            channel.settle();

            MqttPublishMessage received = channel.read(MqttPublishMessage.class);
            assertThat(received.variableHeader().topicName()).isEqualTo("t");
            assertThat(received.payload().toString(StandardCharsets.UTF_8)).isEqualTo("acme");
            received.release();
            assertThat(channel.read()).isNull();
        }
    }

    @Test
    void anExpiringCredentialEndsTheConnectionWithMaximumConnectTime() {
        long expiresAt = System.currentTimeMillis() + 60_000;
        Principal token = new Principal("app", "acme", false, null, "jti-1", expiresAt);
        try (ProtocolHarness channel = new ProtocolHarness(context(token, ClientLimits.NONE))) {
            connected(channel, MqttVersion.MQTT_5, "expiring");
            channel.advance(Duration.ofSeconds(30));
            assertThat(channel.isOpen()).isTrue();
            channel.advance(Duration.ofSeconds(31));
            assertThat(disconnectReason(channel.read())).isEqualTo(0xA0);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("CREDENTIALS_EXPIRED")).isEqualTo(1);
        }
    }

    @Test
    void aConnectionOverALimitIsRefusedAndAnAdmittedOneIsReleasedOnce() {
        ClientLimits oneConnection = limits(1, bytes -> true);
        ProtocolContext shared = context(new Principal("u", "default"), oneConnection);
        try (ProtocolHarness first = new ProtocolHarness(shared);
                ProtocolHarness second = new ProtocolHarness(shared)) {
            connected(first, MqttVersion.MQTT_5, "first");
            second.send(connect(MqttVersion.MQTT_3_1_1, "second"));
            // MQTT 3 has no "quota exceeded": 3, server unavailable, tells the client to come back later.
            assertThat(second.read(MqttConnAckMessage.class).variableHeader().connectReturnCode().byteValue())
                    .isEqualTo((byte) 3);
            first.drop();
        }
        assertThat(admitted).hasValue(0);
    }

    @Test
    void aPublishOverTheQuotaGets0x97AndTheAllowedOneGoesThrough() {
        AtomicInteger allowance = new AtomicInteger(1);
        ClientLimits quota = limits(0, bytes -> allowance.getAndDecrement() > 0);
        try (ProtocolHarness channel = new ProtocolHarness(context(new Principal("u", "default"), quota))) {
            connected(channel, MqttVersion.MQTT_5, "fast");
            channel.send(publish("a", 1, 1, "ok"), publish("a", 1, 2, "over"));
            assertReply(channel.read(), MqttMessageType.PUBACK, 1, 0x00);
            assertReply(channel.read(), MqttMessageType.PUBACK, 2, 0x97);
            assertThat(channel.metrics().refusals()).containsEntry("PUBLISH_QUOTA_EXCEEDED", 1L);
        }
    }

    private ClientLimits limits(int maxConnections, PublishQuota quota) {
        return new ClientLimits() {
            @Override
            public AuthResult.@Nullable Refusal admit(ClientInfo client) {
                if (maxConnections > 0 && admitted.get() >= maxConnections) {
                    return AuthResult.Refusal.QUOTA_EXCEEDED;
                }
                admitted.incrementAndGet();
                return null;
            }

            @Override
            public void release(ClientInfo client) {
                admitted.decrementAndGet();
            }

            @Override
            public PublishQuota publishQuota(ClientInfo client) {
                return quota;
            }
        };
    }

    private static ProtocolContext context(Principal principal, ClientLimits limits) {
        Authenticator as = attempt -> CompletableFuture.completedFuture(AuthResult.accept(principal));
        Engine engine = new Engine(EngineConfig.defaults("test"), List::of, InstantSource.system());
        return new ProtocolContext(engine, MqttProtocolConfig.defaults(), as, Authorizer.ALLOW_ALL, limits,
                new LiveConnections());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
