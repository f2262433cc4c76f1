package io.petrel.mqtt.protocol;

import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.limit.ClientLimits;
import io.petrel.engine.Engine;

/**
 * What every connection's protocol handling shares.
 *
 * @param engine the broker engine
 * @param config the protocol limits
 * @param authenticator who may connect
 * @param authorizer what clients may publish and subscribe to
 * @param limits connection counts, publish rates and topic shapes per client
 * @param connections every connected client, for ending connections from outside
 */
public record ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
        Authorizer authorizer, ClientLimits limits, LiveConnections connections) {

    /** A context without client limits. */
    public ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
            Authorizer authorizer) {
        this(engine, config, authenticator, authorizer, ClientLimits.NONE, new LiveConnections());
    }
}
