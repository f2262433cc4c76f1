package io.petrel.mqtt.transport.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.petrel.engine.metrics.BrokerMetrics;

/**
 * Turns the payloads of binary frames, and of their continuation frames, into one byte stream for the MQTT
 * decoder. MQTT packets are not aligned on frames: one frame may hold several packets, or part of one
 * [MQTT-6.0.0-2], so the frames are not aggregated; the decoder reassembles packets from the stream.
 * A text frame closes the connection [MQTT-6.0.0-1].
 */
public final class WebSocketFrameToBytes extends ChannelInboundHandlerAdapter {
    /** The close reason counted for a text frame. */
    public static final String CLOSE_REASON = "websocket text frame";

    private final BrokerMetrics metrics;
    private boolean closing;

    public WebSocketFrameToBytes(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        // A continuation frame can only follow a binary frame here: a text frame ends the connection at once.
        if (!closing && (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame)) {
            ctx.fireChannelRead(frame.content());
            return;
        }
        ReferenceCountUtil.release(frame);
        if (!closing) {
            closing = true;
            metrics.closed(CLOSE_REASON);
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
