package io.petrel.api.auth;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The credentials and context of a CONNECT, as an {@link Authenticator} sees them.
 *
 * @param clientId the client identifier the client sent; empty if it asked the server to assign one
 * @param username the user name, or null
 * @param password the password bytes, or null; must not be modified
 * @param remoteAddress the client's address, as seen through any trusted proxy
 * @param listener the name of the listener the client connected to
 * @param protocolLevel the MQTT protocol level: 3, 4 or 5
 * @param certificate the verified TLS client certificate, or null when the client presented none
 */
public record ConnectAttempt(
        String clientId,
        @Nullable String username,
        byte @Nullable [] password,
        InetSocketAddress remoteAddress,
        String listener,
        int protocolLevel,
        @Nullable ClientCertificate certificate) {

    /** An attempt without a client certificate. */
    public ConnectAttempt(String clientId, @Nullable String username, byte @Nullable [] password,
            InetSocketAddress remoteAddress, String listener, int protocolLevel) {
        this(clientId, username, password, remoteAddress, listener, protocolLevel, null);
    }

    /** Whether the client sent neither a user name nor a password. */
    public boolean anonymous() {
        return username == null && password == null;
    }
}
