package io.petrel.mqtt.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The framer hands on one whole packet at a time, however the bytes arrive, and copies none of them. */
class PacketFramerTest {
    private static final int MAX_PACKET_SIZE = 64;

    private final EmbeddedChannel channel = new EmbeddedChannel(new PacketFramer(MAX_PACKET_SIZE));
    private final List<ByteBuf> sent = new ArrayList<>();

    @AfterEach
    void released() {
        channel.finishAndReleaseAll();
        for (ByteBuf buffer : sent) {
            assertThat(buffer.refCnt()).as("every buffer read is released").isZero();
        }
    }

    @Test
    void aPacketIsHandedOnAsASliceOfWhatWasRead() {
        ByteBuf read = bytes("30 05 0001 61 7879");
        channel.writeInbound(read);

        ByteBuf packet = channel.readInbound();
        assertThat(hex(packet)).isEqualTo("3005000161 7879".replace(" ", ""));
        assertThat(packet.unwrap()).as("a slice, not a copy").isSameAs(read);
        packet.release();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void severalPacketsInOneReadAreHandedOnOneByOne() {
        channel.writeInbound(bytes("c0 00 30 03 0001 61 e0 00"));

        assertThat(next()).isEqualTo("c000");
        assertThat(next()).isEqualTo("3003000161");
        assertThat(next()).isEqualTo("e000");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aPacketSplitAcrossReadsIsHandedOnWhenWhole() {
        // The fixed header itself may be split: 0x30, then the remaining length, then the rest byte by byte.
        for (String part : new String[] {"30", "05", "00", "01", "61", "78", "79 c0", "00"}) {
            channel.writeInbound(bytes(part));
        }

        assertThat(next()).isEqualTo("30050001617879");
        assertThat(next()).isEqualTo("c000");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aRemainingLengthOfFiveBytesGoesOnAsItIsAndNothingAfterIt() {
        // [MQTT-1.5.5-1] the decoder rejects it in its own terms; after that, the connection is closing.
        channel.writeInbound(bytes("30 ff ff ff ff"));
        channel.writeInbound(bytes("01 c0 00"));

        assertThat(next()).isEqualTo("30ffffffff");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aPacketOverTheLimitGoesOnBeforeItArrives() {
        // 65 bytes of remaining length are more than the framer buffers: the decoder refuses the header at once.
        channel.writeInbound(bytes("30 41 0001 61"));

        assertThat(next()).isEqualTo("3041000161");
        channel.writeInbound(bytes("78".repeat(62)));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aPacketJustAtTheLimitIsFramed() {
        channel.writeInbound(bytes("30 40 0001 61" + " 78".repeat(61)));

        assertThat(next()).hasSize(2 * (2 + 64));
    }

    private ByteBuf bytes(String hex) {
        ByteBuf buffer = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
        sent.add(buffer);
        return buffer;
    }

    private String next() {
        ByteBuf packet = channel.readInbound();
        assertThat(packet).as("a packet").isNotNull();
        try {
            return hex(packet);
        } finally {
            packet.release();
        }
    }

    private static String hex(ByteBuf buffer) {
        return ByteBufUtil.hexDump(buffer);
    }
}
