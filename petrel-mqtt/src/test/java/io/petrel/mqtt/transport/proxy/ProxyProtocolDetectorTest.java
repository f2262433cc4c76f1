package io.petrel.mqtt.transport.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.transport.ConnectionAttributes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyProtocolDetectorTest {
    private final BrokerMetrics metrics = new BrokerMetrics();

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new ProxyProtocolDetector(metrics), new ProxyProtocolHandler(metrics));
    }

    @Test
    void aV1HeaderSetsTheClientAddressAndTheBytesAfterItPassOn() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 198.51.100.23 192.0.2.1 40123 1883\r\nMQTT",
                StandardCharsets.US_ASCII));
        assertThat(ConnectionAttributes.clientAddress(channel).getAddress().getHostAddress()).isEqualTo("198.51.100.23");
        ByteBuf rest = channel.readInbound();
        assertThat(rest.toString(StandardCharsets.US_ASCII)).isEqualTo("MQTT");
        rest.release();
        assertThat(channel.pipeline().get(ProxyProtocolHandler.class)).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void aHeaderSplitAcrossReadsIsAwaited() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer("PROX", StandardCharsets.US_ASCII));
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(Unpooled.copiedBuffer("Y TCP4 203.0.113.1 192.0.2.1 1 2\r\n", StandardCharsets.US_ASCII));
        assertThat(ConnectionAttributes.clientAddress(channel).getAddress().getHostAddress()).isEqualTo("203.0.113.1");
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionThatStartsWithMqttIsClosedAtOnceAndCounted() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x10, 0x0F, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04,
                0x02, 0x00, 0x3C, 0x00, 0x03, 'a', 'b', 'c'}));
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closedCount(ProxyProtocolHandler.CLOSE_REASON)).isEqualTo(1);
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void aMalformedV1LineIsClosedAndCounted() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer("PROXY TCP4 not-an-address 192.0.2.1 1 2\r\n",
                StandardCharsets.US_ASCII));
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closedCount(ProxyProtocolHandler.CLOSE_REASON)).isEqualTo(1);
        channel.finishAndReleaseAll();
    }
}
