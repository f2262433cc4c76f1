package io.petrel.api.limit;

import io.petrel.api.ClientInfo;
import io.petrel.api.auth.AuthResult;
import org.jspecify.annotations.Nullable;

/**
 * Limits on clients that the broker applies after authentication: how many may be connected, how fast each
 * may publish, and the shape of what each may subscribe to and publish. The protocol layer calls
 * {@link #admit} once a CONNECT is authenticated and {@link #release} exactly once for every admitted
 * connection when it ends.
 */
public interface ClientLimits {
    /** No limits beyond the protocol's own. */
    ClientLimits NONE = new ClientLimits() {
        @Override
        public AuthResult.@Nullable Refusal admit(ClientInfo client) {
            return null;
        }

        @Override
        public void release(ClientInfo client) {
        }

        @Override
        public PublishQuota publishQuota(ClientInfo client) {
            return PublishQuota.UNLIMITED;
        }
    };

    /**
     * Counts a connection against the global, organization and user limits.
     *
     * @return null if admitted, else the refusal to send; a refused connection is not released
     */
    AuthResult.@Nullable Refusal admit(ClientInfo client);

    /** Releases what {@link #admit} counted for a connection that ended. */
    void release(ClientInfo client);

    /** The publish allowance of one admitted connection. */
    PublishQuota publishQuota(ClientInfo client);

    /** What happens to a PUBLISH over the client's rate. */
    default QuotaAction quotaAction() {
        return QuotaAction.REFUSE;
    }

    /** The most subscriptions one session may hold; 0 for no limit. */
    default int maxSubscriptions() {
        return 0;
    }

    /** The longest topic name or filter, in UTF-16 characters, a client may use; 0 for no limit. */
    default int maxTopicLength() {
        return 0;
    }

    /** The most levels a topic name or filter may have; 0 for no limit. */
    default int maxTopicLevels() {
        return 0;
    }

    /**
     * The most retained messages one organization may hold; 0 for no limit. A retained PUBLISH that would add
     * one more is refused like a PUBLISH over the rate; replacing or deleting a retained message always passes.
     */
    default int maxRetainedPerOrganization() {
        return 0;
    }

    /** The response to a PUBLISH over the client's rate. */
    enum QuotaAction {
        /**
         * Refuse the message: MQTT 5 clients get PUBACK or PUBREC with reason 0x97 (quota exceeded); at QoS 0
         * and for MQTT 3, which cannot say no, the message is dropped.
         */
        REFUSE,
        /** End the connection: MQTT 5 clients get DISCONNECT with reason 0x97 first. */
        DISCONNECT,
        /**
         * Accept the message but stop reading from the client until it is back within its rate, so that TCP
         * flow control slows the publisher and nothing is lost, whatever its protocol version.
         */
        THROTTLE
    }
}
