package io.petrel.platform.testing;

import io.petrel.api.Message;
import io.petrel.api.OrganizationPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what the platform publishes into organizations, as "org topic payload [retained]" lines. */
public final class RecordingPublisher implements OrganizationPublisher {
    private final List<String> published = new ArrayList<>();

    @Override
    public synchronized void publish(String organization, Message message) {
        published.add(organization + " " + message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8)
                + (message.retain() ? " [retained]" : ""));
    }

    public synchronized List<String> lines() {
        return List.copyOf(published);
    }

    public synchronized void clear() {
        published.clear();
    }
}
