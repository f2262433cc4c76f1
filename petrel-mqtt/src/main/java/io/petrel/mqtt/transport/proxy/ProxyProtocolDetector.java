package io.petrel.mqtt.transport.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.petrel.engine.metrics.BrokerMetrics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a connection starts with a PROXY protocol signature, v1 or v2, then hands over to Netty's decoder.
 * The decoder alone takes anything without the v2 signature for a v1 line and waits up to 108 bytes for its end,
 * so a client that skips the header would hang until the connect timeout instead of being refused at once.
 */
public final class ProxyProtocolDetector extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolDetector.class);

    private final BrokerMetrics metrics;

    public ProxyProtocolDetector(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ProtocolDetectionState state = HAProxyMessageDecoder.detectProtocol(in).state();
        if (state == ProtocolDetectionState.DETECTED) {
            // The bytes read so far pass on to the decoder that takes this handler's place.
            ctx.pipeline().replace(this, ctx.name(), new HAProxyMessageDecoder());
        } else if (state == ProtocolDetectionState.INVALID) {
            in.skipBytes(in.readableBytes());
            metrics.closed(ProxyProtocolHandler.CLOSE_REASON);
            LOG.debug("{}: connection without a PROXY protocol header", ctx.channel().remoteAddress());
            ctx.close();
        }
    }
}
