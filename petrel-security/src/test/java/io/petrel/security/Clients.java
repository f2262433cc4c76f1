package io.petrel.security;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.ConnectAttempt;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Client identities and connect attempts for tests. */
public final class Clients {
    private Clients() {
    }

    public static ClientInfo client(String clientId, @Nullable String username, Principal principal) {
        return new ClientInfo(clientId, username, new InetSocketAddress("192.0.2.1", 40000), 5, "tcp", principal);
    }

    public static ConnectAttempt attempt(@Nullable String username, @Nullable String password, String ip) {
        return new ConnectAttempt("c1", username, password == null ? null : password.getBytes(StandardCharsets.UTF_8),
                new InetSocketAddress(ip, 40000), "tcp", 5);
    }
}
