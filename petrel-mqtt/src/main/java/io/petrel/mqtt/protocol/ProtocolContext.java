package io.petrel.mqtt.protocol;

import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.engine.Engine;

/**
 * What every connection's protocol handling shares.
 *
 * @param engine the broker engine
 * @param config the protocol limits
 * @param authenticator who may connect
 * @param authorizer what clients may publish and subscribe to
 */
public record ProtocolContext(Engine engine, MqttProtocolConfig config, Authenticator authenticator,
        Authorizer authorizer) {
}
