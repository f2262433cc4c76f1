package io.petrel.mqtt.listener;

import io.petrel.mqtt.protocol.MqttProtocolConfig;

/** Protocol limits that differ from the defaults in one value, for tests. */
public final class Limits {
    private static final MqttProtocolConfig D = MqttProtocolConfig.defaults();

    private Limits() {
    }

    public static MqttProtocolConfig maxPacketSize(int bytes) {
        return new MqttProtocolConfig(bytes, D.maxClientIdLength(), D.receiveMaximum(), D.topicAliasMaximum(),
                D.maxKeepAliveSeconds(), D.connectTimeoutSeconds(), D.retainAvailable(), D.maxPendingBeforeConnect());
    }

    public static MqttProtocolConfig maxClientIdLength(int length) {
        return new MqttProtocolConfig(D.maxPacketSize(), length, D.receiveMaximum(), D.topicAliasMaximum(),
                D.maxKeepAliveSeconds(), D.connectTimeoutSeconds(), D.retainAvailable(), D.maxPendingBeforeConnect());
    }

    public static MqttProtocolConfig receiveMaximum(int maximum) {
        return new MqttProtocolConfig(D.maxPacketSize(), D.maxClientIdLength(), maximum, D.topicAliasMaximum(),
                D.maxKeepAliveSeconds(), D.connectTimeoutSeconds(), D.retainAvailable(), D.maxPendingBeforeConnect());
    }

    public static MqttProtocolConfig topicAliasMaximum(int maximum) {
        return new MqttProtocolConfig(D.maxPacketSize(), D.maxClientIdLength(), D.receiveMaximum(), maximum,
                D.maxKeepAliveSeconds(), D.connectTimeoutSeconds(), D.retainAvailable(), D.maxPendingBeforeConnect());
    }

    public static MqttProtocolConfig maxKeepAlive(int seconds) {
        return new MqttProtocolConfig(D.maxPacketSize(), D.maxClientIdLength(), D.receiveMaximum(),
                D.topicAliasMaximum(), seconds, D.connectTimeoutSeconds(), D.retainAvailable(),
                D.maxPendingBeforeConnect());
    }

    public static MqttProtocolConfig retainUnavailable() {
        return new MqttProtocolConfig(D.maxPacketSize(), D.maxClientIdLength(), D.receiveMaximum(),
                D.topicAliasMaximum(), D.maxKeepAliveSeconds(), D.connectTimeoutSeconds(), false,
                D.maxPendingBeforeConnect());
    }
}
