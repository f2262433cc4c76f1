package io.petrel.mqtt.protocol;

import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.limit.ClientLimits;
import io.petrel.engine.Engine;
import io.petrel.mqtt.device.DeviceOpener;

/**
 * What every connection's protocol handling shares.
 *
 * @param engine the broker engine
 * @param config the protocol limits
 * @param authenticator who may connect
 * @param authorizer what clients may publish and subscribe to
 * @param limits connection counts, publish rates and topic shapes per client
 * @param connections every connected client, for ending connections from outside
 * @param devices the device platform, which serves the connections of device principals
 */
public record ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
        Authorizer authorizer, ClientLimits limits, LiveConnections connections, DeviceOpener devices) {

    /** A context without a device platform. */
    public ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
            Authorizer authorizer, ClientLimits limits, LiveConnections connections) {
        this(engine, config, authenticator, authorizer, limits, connections, DeviceOpener.NONE);
    }

    /** A context without client limits or a device platform. */
    public ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
            Authorizer authorizer) {
        this(engine, config, authenticator, authorizer, ClientLimits.NONE, new LiveConnections());
    }
}
