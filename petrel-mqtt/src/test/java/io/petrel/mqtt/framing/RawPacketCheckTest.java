package io.petrel.mqtt.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the check finds on raw bytes that Netty's decoder lets pass, packet by packet, and what it leaves alone. */
class RawPacketCheckTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
        # §3.3.2.3.3 a Message Expiry Interval twice is a Protocol Error
        PUBLISH with two message expiries       | 5 | 30 0f 0001 61 0a 02 0000003c 02 0000003c 78                 | DUPLICATE_PROPERTY
        QoS 1 PUBLISH with two message expiries | 5 | 32 11 0001 61 0007 0a 02 0000003c 02 0000003c 78            | DUPLICATE_PROPERTY
        PUBLISH with two user properties        | 5 | 30 13 0001 61 0e 26 0001 6b 0001 76 26 0001 6b 0001 76 78   | none
        # a PUBLISH carries a subscription identifier per matching subscription: the handler refuses them from a client
        PUBLISH with two subscription ids       | 5 | 30 09 0001 61 04 0b 01 0b 02 78                             | none
        PUBLISH with every property it may have | 5 | 30 23 0001 61 1e 01 01 02 0000003c 03 0001 74 08 0001 72 09 0002 0102 23 0001 26 0001 6b 0001 76 78 | none
        # §2.2.2.2 a property not valid for the packet type is a Malformed Packet
        PUBLISH with a session expiry           | 5 | 30 0a 0001 61 05 11 0000003c 78                             | PROPERTY_NOT_ALLOWED
        # §2.2.2.1 the decoder reads a property across the end of the property length
        PUBLISH whose properties outrun it      | 5 | 30 08 0001 61 01 23 0001 78                                 | PROPERTY_LENGTH
        PUBLISH whose user property it cuts     | 5 | 30 09 0001 61 01 26 0000 0000                               | PROPERTY_LENGTH
        # [MQTT-3.8.3-5] reserved bits 6 and 7 of the subscription options
        SUBSCRIBE with options bit 6            | 5 | 82 07 0001 00 0001 74 40                                    | SUBSCRIPTION_OPTIONS_RESERVED
        SUBSCRIBE with options bit 7            | 5 | 82 07 0001 00 0001 74 80                                    | SUBSCRIPTION_OPTIONS_RESERVED
        SUBSCRIBE with bit 6 on its 2nd filter  | 5 | 82 0b 0001 00 0001 74 01 0001 75 c1                         | SUBSCRIPTION_OPTIONS_RESERVED
        SUBSCRIBE with every option bit in use  | 5 | 82 07 0001 00 0001 74 2e                                    | none
        # MQTT 3.1.1 [MQTT-3-8.3-4]: all six upper bits of the QoS byte are reserved
        MQTT 3.1.1 SUBSCRIBE with bit 2         | 4 | 82 06 0001 0001 74 04                                       | SUBSCRIPTION_OPTIONS_RESERVED
        MQTT 3.1.1 SUBSCRIBE with bit 6         | 4 | 82 06 0001 0001 74 40                                       | SUBSCRIPTION_OPTIONS_RESERVED
        MQTT 3.1 SUBSCRIBE with bit 7           | 3 | 82 06 0001 0001 74 81                                       | SUBSCRIPTION_OPTIONS_RESERVED
        MQTT 3.1.1 SUBSCRIBE of QoS 1           | 4 | 82 06 0001 0001 74 01                                       | none
        # §3.8.2.1.2 a subscription identifier twice
        SUBSCRIBE with two subscription ids     | 5 | 82 0b 0001 04 0b 01 0b 02 0001 74 00                        | DUPLICATE_PROPERTY
        UNSUBSCRIBE with a subscription id      | 5 | a2 08 0001 02 0b 01 0001 74                                 | PROPERTY_NOT_ALLOWED
        PUBACK with a reason string             | 5 | 40 09 0001 00 05 1f 0002 6f6b                               | none
        PUBACK with two reason strings          | 5 | 40 0e 0001 00 0a 1f 0002 6f6b 1f 0002 6f6b                  | DUPLICATE_PROPERTY
        PUBREL with a topic alias               | 5 | 62 07 0001 00 03 23 0001                                    | PROPERTY_NOT_ALLOWED
        DISCONNECT with two session expiries    | 5 | e0 0c 00 0a 11 0000003c 11 0000003c                         | DUPLICATE_PROPERTY
        DISCONNECT with a will delay            | 5 | e0 07 00 05 18 0000003c                                     | PROPERTY_NOT_ALLOWED
        AUTH with two authentication methods    | 5 | f0 0a 18 08 15 0001 61 15 0001 61                           | DUPLICATE_PROPERTY
        # §3.1.2.11 CONNECT properties, §3.1.3.2 will properties
        CONNECT with two session expiries       | 0 | 10 18 0004 4d515454 05 02 003c 0a 11 0000003c 11 0000003c 0001 61 | DUPLICATE_PROPERTY
        CONNECT with a topic alias              | 0 | 10 11 0004 4d515454 05 02 003c 03 23 0001 0001 61          | PROPERTY_NOT_ALLOWED
        CONNECT with every property it may have | 0 | 10 30 0004 4d515454 05 02 003c 22 11 0000003c 21 000a 27 00010000 22 000a 19 01 17 01 26 0001 6b 0001 76 26 0001 6b 0001 76 0001 61 | none
        CONNECT with a will delay in its will   | 0 | 10 1c 0004 4d515454 05 06 003c 00 0001 61 07 18 0000003c 01 01 0001 74 0001 78 | none
        CONNECT with a session expiry in its will | 0 | 10 1a 0004 4d515454 05 06 003c 00 0001 61 05 11 0000003c 0001 74 0001 78 | PROPERTY_NOT_ALLOWED
        CONNECT with two will delays            | 0 | 10 1f 0004 4d515454 05 06 003c 00 0001 61 0a 18 0000003c 18 0000003c 0001 74 0001 78 | DUPLICATE_PROPERTY
        # what is not MQTT 5, and what the decoder rejects itself, is left alone
        MQTT 3.1.1 CONNECT                      | 0 | 10 0d 0004 4d515454 04 02 003c 0001 61                      | none
        MQTT 3.1.1 PUBLISH                      | 4 | 30 0a 0001 61 05 11 0000003c 78                             | none
        PUBLISH before any CONNECT              | 0 | 30 0f 0001 61 0a 02 0000003c 02 0000003c 78                 | none
        PUBLISH with an unknown property        | 5 | 30 07 0001 61 02 7f 00 78                                   | none
        PUBLISH whose properties run past it    | 5 | 30 07 0003 612f62 7b 7d                                     | none
        remaining length of five bytes          | 5 | 30 ff ff ff ff 01                                           | none
        """)
    void findsWhatTheDecoderLetsPass(String what, int level, String hex, PacketFault expected) {
        ByteBuf packet = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
        int readerIndex = packet.readerIndex();

        assertThat(new RawPacketCheck().check(packet, level)).as(what).isEqualTo(expected);
        assertThat(packet.readerIndex()).as("the packet is not consumed").isEqualTo(readerIndex);
    }
}
