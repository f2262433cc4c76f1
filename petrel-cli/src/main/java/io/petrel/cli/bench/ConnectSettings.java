package io.petrel.cli.bench;

import org.jspecify.annotations.Nullable;

/**
 * How every benchmark connection introduces itself.
 *
 * @param clientIdPrefix client ids are this prefix followed by the connection's number
 * @param v5 MQTT 5, else 3.1.1
 * @param username the user name, or null
 * @param password the password, or null
 * @param keepAliveSeconds the keep alive; the client pings when it has sent nothing for that long
 */
record ConnectSettings(String clientIdPrefix, boolean v5, @Nullable String username, @Nullable String password,
        int keepAliveSeconds) {
}
