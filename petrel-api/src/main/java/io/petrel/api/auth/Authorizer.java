package io.petrel.api.auth;

import io.petrel.api.ClientInfo;

/**
 * Decides what a connected client may publish and subscribe to. It is asked on the hot path, so
 * implementations answer from memory without blocking.
 */
public interface Authorizer {
    /** An authorizer that allows everything. */
    Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public boolean mayPublish(ClientInfo client, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(ClientInfo client, String filter) {
            return true;
        }
    };

    /** Whether the client may publish to a topic name. */
    boolean mayPublish(ClientInfo client, String topic);

    /** Whether the client may subscribe to a topic filter (without any {@code $share/} prefix). */
    boolean maySubscribe(ClientInfo client, String filter);
}
