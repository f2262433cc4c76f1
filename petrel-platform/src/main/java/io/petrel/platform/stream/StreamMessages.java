package io.petrel.platform.stream;

import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.telemetry.TelemetryUpload;
import io.petrel.platform.telemetry.TimedValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages the streaming namespace carries, decided from what a device did. They go out at QoS 1, so
 * that an application subscribed at QoS 1 gets them reliably; each subscriber gets them at the lower of that
 * and its own QoS.
 */
public final class StreamMessages {
    private StreamMessages() {
    }

    /**
     * The messages for one telemetry upload: one on {@code device/{name}/telemetry} with the whole batch as
     * {@code [{"ts": ..., "values": {...}}, ...]}, one group per timestamp in the order they first appear,
     * and one on {@code device/{name}/telemetry/{key}} per value, whose payload is the value as JSON.
     */
    public static List<Message> telemetry(String deviceName, TelemetryUpload upload) {
        Map<Long, List<KvEntry>> byTime = new LinkedHashMap<>();
        for (TimedValues group : upload.groups()) {
            if (!group.values().isEmpty()) {
                byTime.computeIfAbsent(group.ts(), ts -> new ArrayList<>()).addAll(group.values());
            }
        }
        List<Message> messages = new ArrayList<>(upload.size() + 1);
        if (byTime.isEmpty()) {
            return messages;
        }
        messages.add(message(StreamTopics.telemetry(deviceName), JsonWriter.bytes(out -> {
            out.writeStartArray();
            for (Map.Entry<Long, List<KvEntry>> group : byTime.entrySet()) {
                out.writeStartObject();
                out.writeNumberField("ts", group.getKey());
                out.writeObjectFieldStart("values");
                for (KvEntry kv : group.getValue()) {
                    out.writeFieldName(kv.key());
                    JsonWriter.write(out, kv.value());
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
        }), false));
        for (List<KvEntry> group : byTime.values()) {
            for (KvEntry kv : group) {
                if (StreamTopics.isTopicSafe(kv.key())) {
                    messages.add(message(StreamTopics.telemetry(deviceName, kv.key()),
                            JsonWriter.bytes(out -> JsonWriter.write(out, kv.value())), false));
                }
            }
        }
        return messages;
    }

    /** The retained {@code {"online": ..., "ts": ...}} on {@code device/{name}/status}. */
    public static Message status(String deviceName, boolean online, long ts) {
        return message(StreamTopics.status(deviceName), JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeBooleanField("online", online);
            out.writeNumberField("ts", ts);
            out.writeEndObject();
        }), true);
    }

    /** The empty retained message that removes a deleted device's status. */
    public static Message clearStatus(String deviceName) {
        return message(StreamTopics.status(deviceName), new byte[0], true);
    }

    private static Message message(String topic, byte[] payload, boolean retain) {
        return Message.of(topic, payload, QoS.AT_LEAST_ONCE, retain);
    }
}
