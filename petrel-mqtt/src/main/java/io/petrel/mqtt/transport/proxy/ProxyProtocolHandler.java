package io.petrel.mqtt.transport.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.ReferenceCountUtil;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.transport.ConnectionAttributes;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the client address from the PROXY protocol header (v1 or v2) that a load balancer puts before the
 * connection's first byte, then leaves the pipeline. A connection on a PROXY listener that does not start with a
 * valid header is closed: accepting it would let anyone claim any address.
 */
public final class ProxyProtocolHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolHandler.class);
    /** The close reason counted for a missing or malformed header. */
    public static final String CLOSE_REASON = "proxy protocol header invalid";

    private final BrokerMetrics metrics;

    public ProxyProtocolHandler(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            // LOCAL is the proxy's own health check, and UNKNOWN carries no address: keep the socket's peer.
            if (header.command() == HAProxyCommand.PROXY && header.proxiedProtocol() != HAProxyProxiedProtocol.UNKNOWN
                    && header.sourceAddress() != null) {
                ConnectionAttributes.clientAddress(ctx.channel(),
                        new InetSocketAddress(header.sourceAddress(), header.sourcePort()));
            }
        } finally {
            ReferenceCountUtil.release(header);
        }
        ctx.pipeline().remove(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof HAProxyProtocolException) {
            metrics.closed(CLOSE_REASON);
            LOG.debug("{}: invalid PROXY protocol header: {}", ctx.channel().remoteAddress(), cause.getMessage());
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }
}
