package io.petrel.mqtt.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.petrel.api.auth.ClientCertificate;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * What the transport stages learn about a connection before MQTT starts: the client's real address (from a
 * PROXY protocol header or a trusted proxy's {@code X-Forwarded-For}) and its TLS client certificate. The
 * protocol layer reads them here, so logs, {@code $SYS}, authentication and rate limits all see the same.
 */
public final class ConnectionAttributes {
    private static final AttributeKey<InetSocketAddress> CLIENT_ADDRESS =
            AttributeKey.valueOf(ConnectionAttributes.class, "clientAddress");
    private static final AttributeKey<ClientCertificate> CLIENT_CERTIFICATE =
            AttributeKey.valueOf(ConnectionAttributes.class, "clientCertificate");

    private ConnectionAttributes() {
    }

    /** The client's address: the one a proxy vouched for, else the socket's peer. */
    public static InetSocketAddress clientAddress(Channel channel) {
        // hasAttr first: attr() would add an empty attribute to every connection that has none.
        InetSocketAddress forwarded = channel.hasAttr(CLIENT_ADDRESS) ? channel.attr(CLIENT_ADDRESS).get() : null;
        return forwarded != null ? forwarded : (InetSocketAddress) channel.remoteAddress();
    }

    /** Records the address a proxy vouched for. */
    public static void clientAddress(Channel channel, InetSocketAddress address) {
        channel.attr(CLIENT_ADDRESS).set(address);
    }

    /** The verified certificate the client presented in the TLS handshake, or null. */
    public static @Nullable ClientCertificate clientCertificate(Channel channel) {
        return channel.hasAttr(CLIENT_CERTIFICATE) ? channel.attr(CLIENT_CERTIFICATE).get() : null;
    }

    /** Records the certificate the client presented. */
    public static void clientCertificate(Channel channel, ClientCertificate certificate) {
        channel.attr(CLIENT_CERTIFICATE).set(certificate);
    }
}
