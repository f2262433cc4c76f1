package io.petrel.server;

import io.petrel.api.Broker;
import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.topic.Namespace;
import io.petrel.api.topic.Topics;
import io.petrel.engine.Engine;
import io.petrel.mqtt.protocol.LiveConnections;
import io.petrel.mqtt.protocol.ProtocolError;
import java.util.function.Predicate;

/** The {@link Broker} that embedders and the device platform use, over the engine and the live connections. */
final class BrokerHandle implements Broker {
    private final Engine engine;
    private final LiveConnections connections;

    BrokerHandle(Engine engine, LiveConnections connections) {
        this.engine = engine;
        this.connections = connections;
    }

    @Override
    public void publish(String organization, Message message) {
        if (!Topics.isValidTopicName(message.topic())) {
            throw new IllegalArgumentException("invalid topic name: " + message.topic());
        }
        String internal = Namespace.organization(organization).topicIn(message.topic());
        if (internal == null) {
            throw new IllegalArgumentException("topic outside the organization's namespace: " + message.topic());
        }
        engine.publish(message.withTopic(internal), null);
    }

    @Override
    public int disconnect(Predicate<ClientInfo> which) {
        return connections.disconnect(which, ProtocolError.ADMINISTRATIVE_ACTION);
    }
}
