package io.petrel.mqtt.handler;

import static io.petrel.mqtt.handler.ConnectHandlerTest.connected;
import static io.petrel.mqtt.handler.ConnectHandlerTest.disconnectReason;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption.RetainedHandlingPolicy;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.mqtt.listener.ClientPackets;
import io.petrel.mqtt.listener.ProtocolHarness;
import org.junit.jupiter.api.Test;

class SubscribeHandlerTest {

    @Test
    void answersEveryFilterInOrderAndRefusesInvalidOnes() {
        // [MQTT-3.8.4-5] each filter is handled on its own; [MQTT-3.8.4-6] [MQTT-3.9.3-1] one reason code each, in
        // order; [MQTT-4.7.1-1] "#" must be last; [MQTT-4.8.2-2] a share name is followed by a filter.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "filters");
            channel.send(MqttMessageBuilders.subscribe().messageId(10)
                    .addSubscription(MqttQoS.AT_LEAST_ONCE, "a/+")
                    .addSubscription(MqttQoS.EXACTLY_ONCE, "a/#/b")
                    .addSubscription(MqttQoS.AT_MOST_ONCE, "$share/g/x")
                    .addSubscription(MqttQoS.AT_MOST_ONCE, "$share/g")
                    .build());

            MqttSubAckMessage subAck = channel.read(MqttSubAckMessage.class);
            // [MQTT-3.8.4-2] the SUBACK has the SUBSCRIBE's packet id.
            assertThat(subAck.variableHeader().messageId()).isEqualTo(10);
            assertThat(subAck.payload().reasonCodes()).containsExactly(0x01, 0x8F, 0x00, 0x8F);
        }
    }

    @Test
    void mqtt3GetsTheFailureCodeForAnInvalidFilter() {
        // MQTT 3.1.1 [MQTT-3.9.3-2]: SUBACK return codes are 0x00, 0x01, 0x02 and 0x80 only.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_3_1_1, "filters3");
            channel.send(MqttMessageBuilders.subscribe().messageId(1)
                    .addSubscription(MqttQoS.EXACTLY_ONCE, "ok/#")
                    .addSubscription(MqttQoS.AT_LEAST_ONCE, "bad#")
                    .build());

            assertThat(channel.read(MqttSubAckMessage.class).payload().reasonCodes()).containsExactly(0x02, 0x80);
        }
    }

    @Test
    void noLocalOnASharedSubscriptionIsAProtocolError() {
        // [MQTT-3.8.3-4]
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "nl");
            channel.send(ClientPackets.subscribe(1, "$share/g/t", new MqttSubscriptionOption(MqttQoS.AT_MOST_ONCE,
                    true, false, RetainedHandlingPolicy.SEND_AT_SUBSCRIBE)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void aSubscriptionIdentifierOfZeroIsAProtocolError() {
        // §3.8.2.1.2: a Subscription Identifier of 0 is a Protocol Error.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "subid0");
            channel.send(ClientPackets.subscribe(1, "t", qos(0),
                    properties(MqttProperties.SUBSCRIPTION_IDENTIFIER, 0)));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void aSubscribeWithoutFiltersIsAProtocolError() {
        // [MQTT-3.8.3-2] a SUBSCRIBE carries at least one filter.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "empty");
            channel.sendHex("82 03 0001 00");

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void mqtt311SubscriptionOptionsBeyondTheQosAreMalformed() {
        // MQTT 3.1.1 [MQTT-3-8.3-4]: the upper six bits of the requested QoS byte are reserved.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_3_1_1, "reserved");
            channel.sendHex("82 06 0001 0001 74 04");

            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("RESERVED_FLAGS")).isEqualTo(1);
        }
    }

    @Test
    void retainHandlingThreeIsAProtocolError() {
        // §3.8.3.1: a Retain Handling of 3 is a Protocol Error.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "rh3");
            channel.sendHex("82 07 0001 00 0001 74 30");

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
            assertThat(channel.metrics().closedCount("SUBSCRIPTION_OPTIONS_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void aMaximumQosOfThreeIsAProtocolError() {
        // §3.8.3.1: a Maximum QoS of 3 is a Protocol Error.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "qos3");
            channel.sendHex("82 07 0001 00 0001 74 03");

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }

    @Test
    void unsubscribeAnswersEveryFilter() {
        // [MQTT-3.10.4-4] [MQTT-3.10.4-5] UNSUBACK with the packet id, [MQTT-3.11.3-1] codes in order.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "unsub");
            channel.send(ClientPackets.subscribe(1, "a", qos(1)));
            channel.read(MqttSubAckMessage.class);
            channel.send(MqttMessageBuilders.unsubscribe().messageId(2).addTopicFilter("a").addTopicFilter("b")
                    .addTopicFilter("c/#/d").build());

            MqttUnsubAckMessage unsubAck = channel.read(MqttUnsubAckMessage.class);
            assertThat(unsubAck.variableHeader().messageId()).isEqualTo(2);
            assertThat(unsubAck.payload().unsubscribeReasonCodes()).containsExactly((short) 0x00, (short) 0x11,
                    (short) 0x8F);
        }
    }

    @Test
    void anUnsubscribeWithoutFiltersIsAProtocolError() {
        // [MQTT-3.10.3-2]
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(ClientPackets.connect(MqttVersion.MQTT_5, "unsub0"));
            channel.read(MqttConnAckMessage.class);
            channel.sendHex("a2 03 0001 00");

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
        }
    }
}
