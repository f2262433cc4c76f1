package io.petrel.mqtt.transport.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.ReferenceCountUtil;
import io.petrel.mqtt.transport.ConnectionAttributes;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the HTTP requests that are not a WebSocket handshake on the MQTT path: 404 for any other path, 400 for
 * a malformed handshake. The connection is closed after the answer.
 */
@ChannelHandler.Sharable
public final class HttpFallback extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFallback.class);
    /** Stateless, so one serves every connection. */
    public static final HttpFallback INSTANCE = new HttpFallback();

    private HttpFallback() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request) {
            LOG.debug("{}: no MQTT WebSocket at {}", ConnectionAttributes.clientAddress(ctx.channel()), request.uri());
            ReferenceCountUtil.release(request);
            respond(ctx, HttpResponseStatus.NOT_FOUND);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException) {
            LOG.debug("{}: bad WebSocket handshake: {}", ConnectionAttributes.clientAddress(ctx.channel()),
                    cause.getMessage());
            respond(ctx, HttpResponseStatus.BAD_REQUEST);
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status) {
        byte[] body = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
