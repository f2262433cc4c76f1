package io.petrel.mqtt.handler;

import io.petrel.api.ClientInfo;
import io.petrel.api.topic.TopicFilter;
import io.petrel.mqtt.device.DeviceLink;
import io.petrel.mqtt.protocol.MqttConnection;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.Subscription;
import io.petrel.platform.api.SubscribeDecision;
import io.petrel.platform.api.SubscriptionFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of one device SUBSCRIBE that the platform answers: the device API's (device-api.md §4.3), and
 * whatever the authorizer does not grant the device, which the platform refuses with 0x8F (MQTT 3: 0x80).
 * Their codes go into the SUBACK in the places of their filters.
 */
final class DeviceSubscriptions {
    private final List<Subscription> filters = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();

    /** Whether a device's filter is the platform's rather than the broker's. */
    static boolean forPlatform(MqttConnection conn, ClientInfo client, String raw) {
        if (SubscriptionFilters.classify(raw) != null) {
            return true;
        }
        TopicFilter filter;
        try {
            filter = TopicFilter.parse(raw);
        } catch (IllegalArgumentException invalid) {
            return true;
        }
        return !conn.protocol().authorizer().maySubscribe(client, filter.filter());
    }

    /** Keeps a place in the SUBACK's codes for a filter the platform answers. */
    void add(List<Integer> codes, String filter, int qos) {
        slots.add(codes.size());
        codes.add(0);
        filters.add(new Subscription(filter, qos));
    }

    /**
     * Asks the platform, fills in its codes, and returns what it sends after the SUBACK. A SUBSCRIBE the broker
     * answered alone still counts as the device's activity (device-api.md §2.3).
     */
    Runnable decide(DeviceLink device, List<Integer> codes) {
        if (filters.isEmpty()) {
            device.session().onPing();
            return () -> { };
        }
        SubscribeDecision decision = device.session().onSubscribe(filters);
        for (int i = 0; i < slots.size(); i++) {
            codes.set(slots.get(i), decision.codes().get(i));
        }
        List<Outbound> then = decision.then();
        return () -> then.forEach(device::deliver);
    }
}
