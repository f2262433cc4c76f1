package io.petrel.api;

import io.petrel.api.auth.ClientCertificate;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is on the other end of a connection, as plug-ins see it.
 *
 * @param clientId the MQTT client identifier, after any server assignment
 * @param username the user name from CONNECT, or null
 * @param remoteAddress the client's address, as seen through any trusted proxy
 * @param protocolLevel the MQTT protocol level: 3 (3.1), 4 (3.1.1) or 5
 * @param listener the name of the listener the client connected to
 * @param principal the authenticated identity
 * @param certificate the client certificate from a mutual-TLS handshake, or null
 */
public record ClientInfo(
        String clientId,
        @Nullable String username,
        InetSocketAddress remoteAddress,
        int protocolLevel,
        String listener,
        Principal principal,
        @Nullable ClientCertificate certificate) {

    public ClientInfo {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(principal, "principal");
    }

    /** A client that presented no certificate. */
    public ClientInfo(String clientId, @Nullable String username, InetSocketAddress remoteAddress, int protocolLevel,
            String listener, Principal principal) {
        this(clientId, username, remoteAddress, protocolLevel, listener, principal, null);
    }
}
