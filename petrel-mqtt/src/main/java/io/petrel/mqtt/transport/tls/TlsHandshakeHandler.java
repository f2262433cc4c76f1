package io.petrel.mqtt.transport.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.transport.ConnectionAttributes;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the TLS handshake: on success it records the client certificate for authentication; on failure (a
 * wrong CA, an expired certificate, plain MQTT sent to a TLS port) it closes that one connection quietly and
 * counts it. It stays in the pipeline to do the same for a broken record later on. A client's bad TLS is its own
 * problem, so it is logged at DEBUG only.
 */
public final class TlsHandshakeHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakeHandler.class);
    /** The close reason counted for a failed handshake. */
    public static final String CLOSE_REASON = "tls handshake failed";
    /** The close reason counted for a TLS error after the handshake. */
    public static final String ERROR_REASON = "tls error";

    private final BrokerMetrics metrics;
    private boolean handshaken;
    private boolean failed;

    public TlsHandshakeHandler(BrokerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                handshaken = true;
                recordCertificate(ctx);
            } else {
                fail(ctx, completion.cause());
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    private static void recordCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                ConnectionAttributes.clientCertificate(ctx.channel(), ClientCertificates.of(leaf));
            }
        } catch (SSLPeerUnverifiedException e) {
            // No client certificate: client authentication is off or optional and the client sent none.
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && (cause.getCause() instanceof SSLException
                || cause instanceof NotSslRecordException)) {
            fail(ctx, cause);
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (!failed) {
            failed = true;
            metrics.closed(handshaken ? ERROR_REASON : CLOSE_REASON);
            LOG.debug("TLS {} with {}: {}", handshaken ? "error" : "handshake failed",
                    ConnectionAttributes.clientAddress(ctx.channel()), cause.toString());
        }
        ctx.close();
    }
}
