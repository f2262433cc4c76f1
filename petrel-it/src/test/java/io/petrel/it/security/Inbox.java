package io.petrel.it.security;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A v5 subscriber that records every message it receives as {@code topic=payload}. */
final class Inbox {
    final String name;
    final Mqtt5BlockingClient client;
    final List<String> received = new CopyOnWriteArrayList<>();

    Inbox(String name, Mqtt5BlockingClient client) {
        this.name = name;
        this.client = client;
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, this::record);
    }

    private void record(Mqtt5Publish publish) {
        received.add(publish.getTopic() + "=" + new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
    }

    Inbox subscribe(String filter) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        return this;
    }

    @Override
    public String toString() {
        return name + received;
    }
}
