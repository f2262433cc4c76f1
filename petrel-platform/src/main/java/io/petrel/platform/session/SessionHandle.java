package io.petrel.platform.session;

import io.petrel.api.QoS;
import io.petrel.api.topic.Topics;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.TopicFamily;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the rest of the platform sees of one live device session: its way back, its subscriptions, and where
 * it wants pushes and RPCs. The session's own thread writes it; pushes and RPCs read it from other threads.
 */
public final class SessionHandle {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long sequence = SEQUENCE.incrementAndGet();
    private final DeviceRef device;
    private final Downlink downlink;
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private volatile @Nullable TopicFamily attributePushes;
    private volatile @Nullable TopicFamily rpcRequests;
    private volatile long lastTrafficMillis;

    public SessionHandle(DeviceRef device, Downlink downlink, long nowMillis) {
        this.device = device;
        this.downlink = downlink;
        this.lastTrafficMillis = nowMillis;
    }

    public DeviceRef device() {
        return device;
    }

    public Downlink downlink() {
        return downlink;
    }

    /** Opening order: a larger sequence is a newer session. */
    long sequence() {
        return sequence;
    }

    /** Records a subscription's granted QoS. */
    public void subscribed(String filter, int grantedQos) {
        subscriptions.put(filter, grantedQos);
    }

    /** Forgets a subscription; false if there was none. */
    public boolean unsubscribed(String filter) {
        return subscriptions.remove(filter) != null;
    }

    public boolean isSubscribed(String filter) {
        return subscriptions.containsKey(filter);
    }

    /**
     * The QoS of a message to this session: the granted QoS of a matching subscription, else QoS 1, because
     * answers must reach clients that never subscribed [device-api.md §0].
     */
    public QoS qosFor(String topic) {
        for (Map.Entry<String, Integer> subscription : subscriptions.entrySet()) {
            if (Topics.matches(subscription.getKey(), topic)) {
                return QoS.of(subscription.getValue());
            }
        }
        return QoS.AT_LEAST_ONCE;
    }

    /** The family whose push topic gets shared-attribute changes, or null if the session did not subscribe. */
    public @Nullable TopicFamily attributePushes() {
        return attributePushes;
    }

    public void setAttributePushes(@Nullable TopicFamily family) {
        this.attributePushes = family;
    }

    /** The family whose request topic gets server RPCs, or null if the session did not subscribe. */
    public @Nullable TopicFamily rpcRequests() {
        return rpcRequests;
    }

    public void setRpcRequests(@Nullable TopicFamily family) {
        this.rpcRequests = family;
    }

    /** Notes traffic from the device. */
    public void traffic(long nowMillis) {
        lastTrafficMillis = nowMillis;
    }

    public long lastTrafficMillis() {
        return lastTrafficMillis;
    }
}
