package io.petrel.mqtt.transport.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.petrel.mqtt.transport.ConnectionAttributes;
import io.petrel.mqtt.transport.proxy.ForwardedFor;
import io.petrel.mqtt.transport.proxy.TrustedProxies;
import java.net.InetSocketAddress;

/**
 * When the WebSocket handshake completes, takes the client's address from {@code X-Forwarded-For} if the
 * connection comes from a trusted proxy, such as nginx in front of Petrel. From anyone else the header is
 * ignored, since a client could write any address into it.
 */
public final class WebSocketClientAddress extends ChannelInboundHandlerAdapter {
    private final TrustedProxies trusted;

    public WebSocketClientAddress(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            InetSocketAddress peer = ConnectionAttributes.clientAddress(ctx.channel());
            InetSocketAddress client = ForwardedFor.client(peer,
                    handshake.requestHeaders().get("X-Forwarded-For"), trusted);
            if (client != null) {
                ConnectionAttributes.clientAddress(ctx.channel(), client);
            }
            ctx.pipeline().remove(this);
        }
        super.userEventTriggered(ctx, event);
    }
}
