package io.petrel.mqtt.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;

/** Wraps each encoded MQTT packet in one binary frame [MQTT-6.0.0-1]. The buffer is handed over, not copied. */
@ChannelHandler.Sharable
public final class BytesToWebSocketFrame extends ChannelOutboundHandlerAdapter {
    /** Stateless, so one serves every connection. */
    public static final BytesToWebSocketFrame INSTANCE = new BytesToWebSocketFrame();

    private BytesToWebSocketFrame() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new BinaryWebSocketFrame(bytes) : msg, promise);
    }
}
