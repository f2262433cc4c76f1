package io.petrel.platform.testing;

import io.petrel.api.ClientInfo;
import io.petrel.api.Message;
import io.petrel.api.Broker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what the platform publishes into organizations, as "org topic payload [retained]" lines. */
public final class RecordingPublisher implements Broker {
    private final List<String> published = new ArrayList<>();

    @Override
    public synchronized void publish(String organization, Message message) {
        published.add(organization + " " + message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8)
                + (message.retain() ? " [retained]" : ""));
    }

    @Override
    public int disconnect(Predicate<ClientInfo> which) {
        return 0;
    }

    public synchronized List<String> lines() {
        return List.copyOf(published);
    }

    public synchronized void clear() {
        published.clear();
    }
}
