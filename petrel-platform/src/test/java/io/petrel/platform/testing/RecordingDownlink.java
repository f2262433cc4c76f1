package io.petrel.platform.testing;

import io.petrel.platform.api.DeliveryListener;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A downlink that records what the platform sends, and lets the test play the device's PUBACKs. */
public final class RecordingDownlink implements Downlink {
    private final List<Outbound> sent = new ArrayList<>();
    private @Nullable ReasonCode closedWith;
    private boolean reading = true;

    @Override
    public synchronized void send(Outbound message) {
        sent.add(message);
    }

    @Override
    public synchronized void close(ReasonCode reason) {
        closedWith = reason;
    }

    @Override
    public synchronized void setReading(boolean reading) {
        this.reading = reading;
    }

    public synchronized List<Outbound> sent() {
        return List.copyOf(sent);
    }

    /** The sent messages as "topic payload" lines. */
    public synchronized List<String> lines() {
        return sent.stream().map(RecordingDownlink::line).toList();
    }

    public static String line(Outbound message) {
        return message.topic() + " " + new String(message.payload(), StandardCharsets.UTF_8);
    }

    public synchronized @Nullable ReasonCode closedWith() {
        return closedWith;
    }

    public synchronized boolean reading() {
        return reading;
    }

    /** Plays the device's acknowledgement of every message sent so far that has a listener. */
    public void ackAll() {
        List<Outbound> copy;
        synchronized (this) {
            copy = List.copyOf(sent);
        }
        for (Outbound message : copy) {
            DeliveryListener listener = message.listener();
            if (listener != null) {
                listener.delivered();
            }
        }
    }

    public synchronized void clear() {
        sent.clear();
    }
}
