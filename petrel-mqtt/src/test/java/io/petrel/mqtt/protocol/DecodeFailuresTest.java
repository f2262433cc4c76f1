package io.petrel.mqtt.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.petrel.mqtt.framing.PacketFault;
import io.petrel.mqtt.framing.PacketFaultException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names each kind of packet Netty's decoder rejects. The decoder says what was wrong only in its messages, so
 * these bytes keep {@link DecodeFailures} honest against the Netty version in use.
 */
class DecodeFailuresTest {
    /** An MQTT 5 CONNECT, which sets the version the decoder reads later packets in. */
    private static final String CONNECT_V5 = "10 0e 0004 4d515454 05 02 003c 00 0001 61";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # [MQTT-1.5.5-1] a Variable Byte Integer has at most four bytes
        remaining length of five bytes       | 30 ff ff ff ff 01                | MALFORMED_REMAINING_LENGTH
        # [MQTT-3.3.1-4] QoS 3
        PUBLISH with both QoS bits set       | 36 05 0001 61 0001               | RESERVED_FLAGS
        # [MQTT-3.8.1-1] [MQTT-3.6.1-1] [MQTT-3.10.1-1] [MQTT-2.1.3-1] fixed header flags
        SUBSCRIBE with flags 0000            | 80 06 0001 0001 61 00            | RESERVED_FLAGS
        PUBREL with flags 0000               | 60 02 0001                       | RESERVED_FLAGS
        UNSUBSCRIBE with flags 0011          | a3 05 0001 0001 61               | RESERVED_FLAGS
        PINGREQ with flags 0001              | c1 00                            | RESERVED_FLAGS
        # [MQTT-3.1.2-3] the CONNECT reserved flag
        CONNECT with the reserved flag set   | 10 0d 0004 4d515454 04 03 003c 0001 61 | RESERVED_FLAGS
        # [MQTT-1.5.4-1] [MQTT-1.5.4-2] well-formed UTF-8 without U+0000
        topic that is not UTF-8              | 30 05 0002 c328 78               | INVALID_UTF8
        topic with an encoded surrogate      | 30 06 0003 eda080 78             | INVALID_UTF8
        topic with U+0000                    | 30 05 0002 6100 78               | INVALID_UTF8
        client id with U+0000                | 10 0e 0004 4d515454 04 02 003c 0002 6100 | INVALID_UTF8
        # [MQTT-3.3.2-2] no wildcard in a topic name
        topic with a wildcard                | 30 06 0003 612f2b 78             | TOPIC_NAME_INVALID
        # [MQTT-2.2.1-3] a non-zero packet identifier
        QoS 1 PUBLISH with packet id 0       | 32 06 0001 61 0000 78            | PACKET_ID_ZERO
        SUBSCRIBE with packet id 0           | 82 06 0000 0001 61 00            | PACKET_ID_ZERO
        # [MQTT-3.1.2-2] protocol levels 3, 4 and 5 only
        CONNECT of protocol level 6          | 10 0d 0004 4d515454 06 02 003c 0001 61 | UNSUPPORTED_PROTOCOL_VERSION
        MQTT 3.1 CONNECT with an empty id    | 10 0e 0006 4d5149736470 03 02 003c 0000 | CLIENT_IDENTIFIER_NOT_VALID
        # a packet type that does not exist
        packet type 0                        | 00 00                            | MALFORMED_PACKET
        PINGREQ with a remaining length of 1 | c0 01 00                         | MALFORMED_PACKET
        """)
    void namesWhatTheDecoderRejected(String what, String hex, ProtocolError expected) {
        assertThat(classify(hex)).as(what).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # §3.8.3.1
        maximum QoS of 3                     | 82 07 0001 00 0001 74 03         | SUBSCRIPTION_OPTIONS_INVALID
        retain handling of 3                 | 82 07 0001 00 0001 74 30         | SUBSCRIPTION_OPTIONS_INVALID
        # [MQTT-1.5.7-1] both strings of a user property are UTF-8
        user property with U+0000            | 30 0d 0001 61 08 26 0001 00 0001 62 78 | INVALID_UTF8
        """)
    void namesWhatTheDecoderRejectedAfterAnMqtt5Connect(String what, String hex, ProtocolError expected) {
        assertThat(classify(CONNECT_V5, hex)).as(what).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        packet one byte over the limit       | 30 1f 0001 61 {28}
        remaining length alone over it       | 30 80 01
        """)
    void namesAPacketOverTheSizeLimit(String what, String hex) {
        String expanded = hex.replace("{28}", "78".repeat(28));
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(32, 23));
        assertThat(failure(channel, expanded)).as(what).isEqualTo(ProtocolError.PACKET_TOO_LARGE);
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        TRUNCATED                     | TRUNCATED_PACKET     | 0x81
        PROPERTY_LENGTH               | MALFORMED_PACKET     | 0x81
        # §2.2.2.2
        PROPERTY_NOT_ALLOWED          | PROPERTY_NOT_ALLOWED | 0x81
        DUPLICATE_PROPERTY            | DUPLICATE_PROPERTY   | 0x82
        # [MQTT-3.8.3-5]
        SUBSCRIPTION_OPTIONS_RESERVED | RESERVED_FLAGS       | 0x81
        """)
    void namesWhatTheFramingStagesFound(PacketFault fault, ProtocolError expected, String reasonCode) {
        ProtocolError error = DecodeFailures.classify(new PacketFaultException(fault));
        assertThat(error).isEqualTo(expected);
        assertThat(error.reasonCode()).isEqualTo(Integer.decode(reasonCode));
    }

    private static ProtocolError classify(String... packets) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(1 << 20, 65_535));
        try {
            for (int i = 0; i < packets.length - 1; i++) {
                channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(packets[i].replace(" ", ""))));
                MqttMessage accepted = channel.readInbound();
                assertThat(accepted.decoderResult().isSuccess()).isTrue();
            }
            return failure(channel, packets[packets.length - 1]);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static ProtocolError failure(EmbeddedChannel channel, String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", ""))));
        MqttMessage rejected = channel.readInbound();
        assertThat(rejected).as("the decoder produced a packet").isNotNull();
        assertThat(rejected.decoderResult().isFailure()).as("the decoder rejected it").isTrue();
        return DecodeFailures.classify(rejected.decoderResult().cause());
    }
}
