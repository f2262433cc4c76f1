package io.petrel.mqtt.handler;

import static io.petrel.mqtt.listener.ClientPackets.connect;
import static io.petrel.mqtt.listener.ClientPackets.connectBuilder;
import static io.petrel.mqtt.listener.ClientPackets.properties;
import static io.petrel.mqtt.listener.ClientPackets.publish;
import static io.petrel.mqtt.listener.ClientPackets.qos;
import static io.petrel.mqtt.listener.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.mqtt.listener.Limits;
import io.petrel.mqtt.listener.ProtocolHarness;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectHandlerTest {

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void acceptsEveryProtocolLevel(MqttVersion version) {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(version, "client-" + version.protocolLevel()));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
            assertThat(channel.isOpen()).isTrue();
            assertThat(channel.protocol().engine().sessions().get("client-" + version.protocolLevel())).isNotNull();
        }
    }

    @Test
    void refusesAnUnsupportedProtocolLevelWithReturnCode1() {
        // MQTT 3.1.1 [MQTT-3.1.2-2]: an unsupported level gets return code 0x01, then a close. The level is not
        // one the server speaks, so the CONNACK takes the MQTT 3.1.1 form.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex("10 0d 0004 4d515454 06 02 003c 0001 61");

            assertThat(channel.readHex()).isEqualTo("20020001");
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("UNSUPPORTED_PROTOCOL_VERSION")).isEqualTo(1);
        }
    }

    @Test
    void refusesAProtocolNameThatDoesNotMatchTheLevel() {
        // [MQTT-3.1.2-1] "MQIsdp" belongs to level 3 only.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex("10 0f 0006 4d5149736470 04 02 003c 0001 61");

            assertThat(channel.readHex()).isEqualTo("20020001");
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void refusesAConnectWithTheReservedFlagInTheVersionItAnnounced() {
        // [MQTT-3.1.2-3] [MQTT-3.1.4-1] MQTT 5 may say 0x81 in a CONNACK before closing; MQTT 3.1.1 closes
        // without a CONNACK.
        try (ProtocolHarness v5 = ProtocolHarness.start(); ProtocolHarness v311 = ProtocolHarness.start()) {
            v5.decodeAs(connect(MqttVersion.MQTT_5, "primer"));
            v5.sendHex("10 0e 0004 4d515454 05 03 003c 00 0001 61");
            v311.sendHex("10 0d 0004 4d515454 04 03 003c 0001 61");

            assertThat(v5.read(MqttConnAckMessage.class).variableHeader().connectReturnCode().byteValue() & 0xFF)
                    .isEqualTo(0x81);
            assertThat(v311.read()).isNull();
            assertThat(v5.isOpen()).isFalse();
            assertThat(v311.isOpen()).isFalse();
            assertThat(v5.metrics().closedCount("RESERVED_FLAGS")).isEqualTo(1);
        }
    }

    @Test
    void assignsAnIdentifierToAnMqtt5ClientWithAnEmptyOne() {
        // [MQTT-3.1.3-6] [MQTT-3.1.3-7] [MQTT-3.2.2-16] the assigned id is unique and returned in CONNACK.
        try (ProtocolHarness first = ProtocolHarness.start();
                ProtocolHarness second = new ProtocolHarness(first.protocol())) {
            first.send(connectBuilder(MqttVersion.MQTT_5, "").cleanSession(false).build());
            second.send(connect(MqttVersion.MQTT_5, ""));

            String firstId = assignedId(first.read(MqttConnAckMessage.class));
            String secondId = assignedId(second.read(MqttConnAckMessage.class));
            assertThat(firstId).isNotEmpty().isNotEqualTo(secondId);
            assertThat(first.protocol().engine().sessions().get(firstId)).isNotNull();
            assertThat(first.isOpen()).isTrue();
        }
    }

    @Test
    void assignsAnIdentifierEvenWhenIdentifiersAreLimitedToTwentyThreeCharacters() {
        // [MQTT-3.1.3-6] the limit is on what clients ask for, not on the identifier the server assigns.
        try (ProtocolHarness channel = ProtocolHarness.start(Limits.maxClientIdLength(23))) {
            channel.send(connect(MqttVersion.MQTT_5, ""));

            assertThat(assignedId(channel.read(MqttConnAckMessage.class))).isNotEmpty();
            assertThat(channel.isOpen()).isTrue();
        }
    }

    @Test
    void acceptsAnEmptyIdentifierWithCleanSessionInMqtt311() {
        // MQTT 3.1.1 [MQTT-3.1.3-6]: the server assigns an id, but MQTT 3 has no way to tell the client.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_3_1_1, ""));

            assertThat(channel.readHex()).isEqualTo("20020000");
            assertThat(channel.protocol().engine().sessions().size()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnEmptyIdentifierWithoutCleanSessionInMqtt311() {
        // MQTT 3.1.1 [MQTT-3.1.3-8]: return code 0x02, then a close; [MQTT-3.2.2-4] session present 0.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connectBuilder(MqttVersion.MQTT_3_1_1, "").cleanSession(false).build());

            assertThat(channel.readHex()).isEqualTo("20020002");
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("CLIENT_IDENTIFIER_NOT_VALID")).isEqualTo(1);
            assertThat(channel.protocol().engine().sessions().size()).isZero();
        }
    }

    @Test
    void refusesAnEmptyIdentifierInMqtt31() {
        // MQTT 3.1 requires 1 to 23 characters; the refusal is return code 0x02.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex("10 0e 0006 4d5149736470 03 02 003c 0000");

            assertThat(channel.readHex()).isEqualTo("20020002");
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void refusesAnIdentifierLongerThanTheLimit() {
        // [MQTT-3.1.3-8] MQTT 5 refuses with 0x85; MQTT 3.1.1 [MQTT-3.1.3-9] with return code 0x02.
        MqttProtocolConfig config = Limits.maxClientIdLength(30);
        String longId = "x".repeat(31);
        try (ProtocolHarness v5 = ProtocolHarness.start(config);
                ProtocolHarness v311 = ProtocolHarness.start(config)) {
            v5.send(connect(MqttVersion.MQTT_5, longId));
            v311.send(connect(MqttVersion.MQTT_3_1_1, longId));

            assertThat(v5.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID);
            assertThat(v311.readHex()).isEqualTo("20020002");
            assertThat(v5.isOpen()).isFalse();
            assertThat(v311.isOpen()).isFalse();
        }
    }

    @Test
    void refusesEnhancedAuthenticationWithBadAuthenticationMethod() {
        // [MQTT-4.12.0-1] an authentication method the server does not support gets 0x8C and a close.
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.AUTHENTICATION_METHOD, "SCRAM-SHA-1"));
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "scram", properties));

            MqttConnAckMessage connAck = channel.read(MqttConnAckMessage.class);
            assertThat(connAck.variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
            assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
            // [MQTT-4.12.0-6] no authentication method is echoed to a client that gets no enhanced auth.
            assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.AUTHENTICATION_METHOD))
                    .isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("BAD_AUTHENTICATION_METHOD")).isEqualTo(1);
        }
    }

    @Test
    void anAuthPacketWithoutEnhancedAuthenticationIsAProtocolError() {
        // [MQTT-4.12.0-7] a client that gave no authentication method never sends AUTH.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "auth");
            channel.send(MqttMessageBuilders.auth().reasonCode((byte) 0x19).build());

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void aReceiveMaximumOfZeroIsAProtocolError() {
        // §3.1.2.11.3: a Receive Maximum of 0 is a Protocol Error.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "rm0", properties(MqttProperties.RECEIVE_MAXIMUM, 0)));

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void aMaximumPacketSizeOfZeroIsAProtocolError() {
        // §3.1.2.11.4: a Maximum Packet Size of 0 is a Protocol Error.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "mps0", properties(MqttProperties.MAXIMUM_PACKET_SIZE, 0)));

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
        }
    }

    @Test
    void willQosOrRetainWithoutAWillIsMalformed() {
        // [MQTT-3.1.2-11] [MQTT-3.1.2-13] [MQTT-3.1.2-15] without the Will Flag, Will QoS and Will Retain are 0.
        try (ProtocolHarness qos = ProtocolHarness.start(); ProtocolHarness retain = ProtocolHarness.start()) {
            qos.send(connectBuilder(MqttVersion.MQTT_5, "will-qos").willQoS(MqttQoS.AT_LEAST_ONCE).build());
            retain.send(connectBuilder(MqttVersion.MQTT_3_1_1, "will-retain").willRetain(true).build());

            assertThat(qos.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_MALFORMED_PACKET);
            assertThat(retain.read()).isNull();
            assertThat(retain.isOpen()).isFalse();
            assertThat(retain.metrics().closedCount("MALFORMED_PACKET")).isEqualTo(1);
        }
    }

    @Test
    void willQosThreeIsMalformed() {
        // [MQTT-3.1.2-14] Will QoS 3 is a Malformed Packet.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex("10 13 0004 4d515454 04 1e 003c 0001 61 0001 74 0001 78");

            assertThat(channel.read()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("MALFORMED_PACKET")).isEqualTo(1);
        }
    }

    @Test
    void aPasswordWithoutAUserNameIsMalformedInMqtt311Only() {
        // MQTT 3.1.1 [MQTT-3.1.2-22]: without a user name there is no password. MQTT 5 allows it (§3.1.2.9).
        try (ProtocolHarness v311 = ProtocolHarness.start(); ProtocolHarness v5 = ProtocolHarness.start()) {
            // Netty's encoder refuses to write either, so the bytes are written here: flags 0x42, id "pw".
            v311.sendHex("10 16 0004 4d515454 04 42 003c 0002 7077 0006 736563726574");
            v5.decodeAs(connect(MqttVersion.MQTT_5, "primer"));
            v5.sendHex("10 17 0004 4d515454 05 42 003c 00 0002 7077 0006 736563726574");

            assertThat(v311.read()).isNull();
            assertThat(v311.isOpen()).isFalse();
            assertThat(v5.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        }
    }

    @Test
    void aWillTopicWithAWildcardIsRefused() {
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            // Netty's encoder refuses to write it: flags 0x06, id "a", will topic "status/#", will message "gone".
            channel.decodeAs(connect(MqttVersion.MQTT_5, "primer"));
            channel.sendHex("10 1f 0004 4d515454 05 06 003c 00 0001 61 00 0008 7374617475732f23 0004 676f6e65");

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_TOPIC_NAME_INVALID);
            assertThat(channel.metrics().closedCount("WILL_TOPIC_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void aWillPayloadThatIsNotTheUtf8ItClaimsToBeIsRefused() {
        // §3.1.3.2.3: a Will Payload Format Indicator of 1 promises UTF-8; 0x99 otherwise.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connectBuilder(MqttVersion.MQTT_5, "will-utf8").willFlag(true).willTopic("status")
                    .willMessage(new byte[] {(byte) 0xFF})
                    .willProperties(properties(MqttProperties.PAYLOAD_FORMAT_INDICATOR, 1)).build());

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PAYLOAD_FORMAT_INVALID);
        }
    }

    @Test
    void aRetainedWillIsRefusedWhenRetainIsUnavailable() {
        // [MQTT-3.2.2-13] a Will Retain of 1 is refused, with 0x9A, when the server does not support retain.
        try (ProtocolHarness v5 = ProtocolHarness.start(Limits.retainUnavailable());
                ProtocolHarness v311 = ProtocolHarness.start(Limits.retainUnavailable())) {
            v5.send(connectBuilder(MqttVersion.MQTT_5, "retained-will").willFlag(true).willTopic("status")
                    .willMessage("gone").willRetain(true).build());
            v311.send(connectBuilder(MqttVersion.MQTT_3_1_1, "retained-will").willFlag(true).willTopic("status")
                    .willMessage("gone").willRetain(true).build());

            assertThat(v5.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_RETAIN_NOT_SUPPORTED);
            assertThat(v311.read()).isNull();
            assertThat(v311.isOpen()).isFalse();
            assertThat(v5.metrics().closedCount("RETAIN_NOT_SUPPORTED")).isEqualTo(1);
        }
    }

    @Test
    void aWillResponseTopicWithAWildcardIsRefused() {
        // [MQTT-3.3.2-14] as for a PUBLISH: the will becomes one.
        MqttProperties will = new MqttProperties();
        will.add(new MqttProperties.StringProperty(MqttProperties.RESPONSE_TOPIC, "+/replies"));
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connectBuilder(MqttVersion.MQTT_5, "will-response").willFlag(true).willTopic("status")
                    .willMessage("gone").willProperties(will).build());

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
            assertThat(channel.metrics().closedCount("RESPONSE_TOPIC_INVALID")).isEqualTo(1);
        }
    }

    @Test
    void authenticationDataWithoutAMethodIsAProtocolError() {
        // §3.1.2.11.10: Authentication Data without an Authentication Method is a Protocol Error.
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.BinaryProperty(MqttProperties.AUTHENTICATION_DATA, new byte[] {1}));
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.send(connect(MqttVersion.MQTT_5, "data-only", properties));

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
        }
    }

    @Test
    void aSecondConnectIsAProtocolError() {
        // [MQTT-3.1.0-2] the server treats a second CONNECT as a Protocol Error and closes the connection.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            connected(channel, MqttVersion.MQTT_5, "twice");
            channel.send(connect(MqttVersion.MQTT_5, "twice"));

            assertThat(disconnectReason(channel.read())).isEqualTo(0x82);
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("SECOND_CONNECT")).isEqualTo(1);
        }
    }

    @Test
    void aFirstPacketOtherThanConnectClosesWithoutAReply() {
        // [MQTT-3.1.0-1] the first packet is CONNECT; [MQTT-3.14.0-1] no DISCONNECT before a CONNACK.
        try (ProtocolHarness channel = ProtocolHarness.start()) {
            channel.sendHex("c000");

            assertThat(channel.readHex()).isNull();
            assertThat(channel.isOpen()).isFalse();
            assertThat(channel.metrics().closedCount("FIRST_PACKET_NOT_CONNECT")).isEqualTo(1);
        }
    }

    @Test
    void nothingSentAfterARefusedConnectIsProcessed() {
        // [MQTT-3.1.4-6] after refusing a CONNECT the server processes nothing else the client sent.
        try (ProtocolHarness subscriber = ProtocolHarness.start();
                ProtocolHarness refused = new ProtocolHarness(subscriber.protocol())) {
            connected(subscriber, MqttVersion.MQTT_5, "watcher");
            subscriber.send(subscribe(1, "#", qos(0)));
            assertThat(subscriber.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.SUBACK);

            refused.sendTogether(connect(MqttVersion.MQTT_5, "rm0", properties(MqttProperties.RECEIVE_MAXIMUM, 0)),
                    publish("leak", 0, 0, "must not arrive"));

            assertThat(refused.isOpen()).isFalse();
            assertThat(subscriber.read()).isNull();
        }
    }

    @Test
    void readingStopsOnlyWhenAPacketWaitsForTheConnack() {
        // Most clients send nothing before their CONNACK: such a connection keeps reading while it authenticates,
        // and the connect timeout does not run out meanwhile.
        // One that does send more is not read further until the CONNACK, and what it sent is processed then.
        CompletableFuture<AuthResult> slow = new CompletableFuture<>();
        Authenticator authenticator = attempt -> attempt.clientId().equals("slow") ? slow
                : CompletableFuture.completedFuture(AuthResult.accept(Principal.ANONYMOUS));
        ProtocolContext protocol = ProtocolHarness.context(MqttProtocolConfig.defaults(), authenticator,
                Authorizer.ALLOW_ALL);
        try (ProtocolHarness subscriber = new ProtocolHarness(protocol);
                ProtocolHarness channel = new ProtocolHarness(protocol)) {
            connected(subscriber, MqttVersion.MQTT_5, "watcher");
            subscriber.send(subscribe(1, "early", qos(0)));
            assertThat(subscriber.read().fixedHeader().messageType()).isEqualTo(MqttMessageType.SUBACK);

            channel.send(connect(MqttVersion.MQTT_5, "slow"));
            assertThat(channel.readHex()).as("no CONNACK before authentication").isNull();
            assertThat(channel.isReading()).as("nothing waits for the CONNACK").isTrue();
            channel.advance(Duration.ofSeconds(MqttProtocolConfig.defaults().connectTimeoutSeconds() + 1));
            assertThat(channel.isOpen()).as("the connect timeout does not count while the server decides").isTrue();

            channel.send(publish("early", 0, 0, "sent before the CONNACK"));
            assertThat(channel.isReading()).as("a PUBLISH waits for the CONNACK").isFalse();
            assertThat(subscriber.read()).isNull();

            slow.complete(AuthResult.accept(Principal.ANONYMOUS));
            channel.settle();

            assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            assertThat(channel.isReading()).isTrue();
            assertThat(subscriber.read(MqttPublishMessage.class).payload().toString(StandardCharsets.UTF_8))
                    .isEqualTo("sent before the CONNACK");
        }
    }

    static void connected(ProtocolHarness channel, MqttVersion version, String clientId) {
        channel.send(connect(version, clientId));
        assertThat(channel.read(MqttConnAckMessage.class).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
    }

    static int disconnectReason(MqttMessage packet) {
        assertThat(packet).isNotNull();
        assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        return ((MqttReasonCodeAndPropertiesVariableHeader) packet.variableHeader()).reasonCode() & 0xFF;
    }

    private static String assignedId(MqttConnAckMessage connAck) {
        assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        MqttProperties.MqttProperty<?> property =
                connAck.variableHeader().properties().getProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER);
        assertThat(property).as("assigned client identifier").isNotNull();
        return (String) property.value();
    }
}
