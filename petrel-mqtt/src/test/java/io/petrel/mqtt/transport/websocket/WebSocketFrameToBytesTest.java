package io.petrel.mqtt.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.petrel.engine.metrics.BrokerMetrics;
import org.junit.jupiter.api.Test;

class WebSocketFrameToBytesTest {
    private final BrokerMetrics metrics = new BrokerMetrics();
    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrameToBytes(metrics),
            BytesToWebSocketFrame.INSTANCE);

    @Test
    void binaryAndContinuationFramesBecomeOneByteStream() {
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[] {0x10, 0x02})));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[] {0x00})));
        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.readableBytes() + second.readableBytes()).isEqualTo(3);
        first.release();
        second.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aTextFrameClosesWith1003AndIsCounted() {
        // [MQTT-6.0.0-1] MQTT travels in binary frames only.
        channel.writeInbound(new TextWebSocketFrame("CONNECT"));
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1003);
        close.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closedCount(WebSocketFrameToBytes.CLOSE_REASON)).isEqualTo(1);
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void outboundBytesTravelInBinaryFrames() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xD0, 0x00}));
        BinaryWebSocketFrame frame = channel.readOutbound();
        assertThat(frame.content().readableBytes()).isEqualTo(2);
        frame.release();
        channel.finishAndReleaseAll();
    }
}
