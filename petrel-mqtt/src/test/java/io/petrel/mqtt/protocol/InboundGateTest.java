package io.petrel.mqtt.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;
import io.petrel.engine.session.Intake;
import io.petrel.mqtt.protocol.InboundGate.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundGateTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<MqttMessage> processed = new ArrayList<>();
    private final InboundGate gate = new InboundGate(channel, processed::add);
    private final List<MqttMessage> sent = new ArrayList<>();

    @AfterEach
    void release() {
        sent.forEach(ReferenceCountUtil::release);
        channel.finishAndReleaseAll();
    }

    private MqttPublishMessage qos0(String topic, Integer alias) {
        MqttProperties properties = new MqttProperties();
        if (alias != null) {
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS, alias));
        }
        MqttPublishMessage publish = MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_MOST_ONCE)
                .payload(Unpooled.EMPTY_BUFFER).properties(properties).build();
        sent.add(publish);
        return publish;
    }

    @Test
    void aWaitingPublisherBeyondItsLimitShedsQos0ButNeverAPublishThatSetsATopicAlias() {
        gate.intake(Intake.PAUSED);
        assertThat(channel.config().isAutoRead()).isFalse();

        assertThat(gate.admit(qos0("a", null), 1)).isEqualTo(Decision.HELD);
        assertThat(gate.admit(qos0("a", null), 1)).isEqualTo(Decision.SHED);
        // Shedding it would lose the alias, and the client's alias-only packets would then be refused with 0x94.
        assertThat(gate.admit(qos0("b", 7), 1)).isEqualTo(Decision.HELD);

        gate.intake(Intake.OPEN);
        gate.release(false);
        assertThat(processed).hasSize(2);
        assertThat(((MqttPublishMessage) processed.get(1)).variableHeader().topicName()).isEqualTo("b");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void heldPayloadBytesAreBoundedWhateverTheCount() {
        gate.intake(Intake.ACKS_ONLY);
        MqttPublishMessage large = MqttMessageBuilders.publish().topicName("big").qos(MqttQoS.AT_LEAST_ONCE)
                .messageId(1).payload(Unpooled.wrappedBuffer(new byte[InboundGate.MAX_HELD_BYTES])).build();
        sent.add(large);

        assertThat(gate.admit(large, 100)).isEqualTo(Decision.HELD);
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(gate.admit(qos0("a", null), 100)).isEqualTo(Decision.SHED);
        MqttPublishMessage another = MqttMessageBuilders.publish().topicName("big").qos(MqttQoS.AT_LEAST_ONCE)
                .messageId(2).payload(Unpooled.EMPTY_BUFFER).build();
        sent.add(another);
        assertThat(gate.admit(another, 100)).isEqualTo(Decision.HELD);
        assertThat(channel.config().isAutoRead()).as("reading stops at the byte bound").isFalse();

        gate.intake(Intake.OPEN);
        gate.release(false);
        assertThat(processed).hasSize(2);
        assertThat(channel.config().isAutoRead()).isTrue();
    }
}
