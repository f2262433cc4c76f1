package io.petrel.engine.session;

import io.petrel.api.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a CONNECT asks of the engine, after the transport has validated and authenticated it.
 *
 * @param client who is connecting; its client id names the session
 * @param cleanStart whether to discard any existing session
 * @param sessionExpirySeconds how long the session outlives the connection; 0 ends it with the connection,
 *     {@link SessionConfig#NEVER_EXPIRE} keeps it forever
 * @param will the will, or null
 */
public record ConnectRequest(ClientInfo client, boolean cleanStart, long sessionExpirySeconds, @Nullable Will will) {
    /** The client id, which names the session. */
    public String clientId() {
        return client.clientId();
    }
}
