package io.petrel.platform.session;

import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.DeviceRef;
import io.petrel.platform.attributes.AttributeService;
import io.petrel.platform.kv.KvEntry;
import io.petrel.platform.stream.StreamPublisher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active state of devices (device-api.md §2.3), kept as SERVER-scope attributes: {@code active},
 * {@code lastConnectTime}, {@code lastDisconnectTime}, {@code lastActivityTime} and
 * {@code inactivityAlarmTime}. It also keeps the retained {@code device/{name}/status} up to date.
 *
 * <p>Activity is noted on every packet without a lock; {@code lastActivityTime} is stored at most once per
 * report interval, and a device that was inactive is made active again at once.
 */
public final class ActivityTracker implements PresenceListener {
    /** The server attribute that overrides the inactivity timeout of one device, in milliseconds. */
    public static final String INACTIVITY_TIMEOUT = "inactivityTimeout";

    private final AttributeService attributes;
    private final StreamPublisher stream;
    private final long defaultTimeoutMillis;
    private final long reportIntervalMillis;
    private final Map<UUID, DeviceActivity> devices = new ConcurrentHashMap<>();

    private static final class DeviceActivity {
        final DeviceRef device;
        final AtomicBoolean active = new AtomicBoolean(true);
        final AtomicLong lastActivity = new AtomicLong();
        final AtomicLong lastReported = new AtomicLong();
        volatile long timeoutMillis;
        volatile boolean connected = true;

        DeviceActivity(DeviceRef device, long timeoutMillis) {
            this.device = device;
            this.timeoutMillis = timeoutMillis;
        }
    }

    public ActivityTracker(AttributeService attributes, StreamPublisher stream, long defaultTimeoutMillis,
            long reportIntervalMillis) {
        this.attributes = attributes;
        this.stream = stream;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
        this.reportIntervalMillis = reportIntervalMillis;
    }

    @Override
    public void connected(DeviceRef device, long nowMillis) {
        DeviceActivity state = devices.compute(device.id(), (id, old) -> {
            DeviceActivity fresh = new DeviceActivity(device, old == null ? defaultTimeoutMillis : old.timeoutMillis);
            fresh.lastActivity.set(nowMillis);
            fresh.lastReported.set(nowMillis);
            return fresh;
        });
        save(device, entry("active", KvValue.of(true)), entry("lastConnectTime", KvValue.of(nowMillis)),
                entry("lastActivityTime", KvValue.of(nowMillis)));
        stream.status(device, true, nowMillis);
        attributes.read(device.id(), AttributeScope.SERVER, List.of(INACTIVITY_TIMEOUT)).thenAccept(found -> {
            for (var attribute : found) {
                if (attribute.value() instanceof KvValue.LongValue timeout && timeout.value() > 0) {
                    state.timeoutMillis = timeout.value();
                }
            }
        });
    }

    @Override
    public void disconnected(DeviceRef device, long nowMillis) {
        DeviceActivity state = devices.get(device.id());
        if (state != null) {
            state.connected = false;
        }
        // Disconnecting alone does not clear "active": only inactivity does.
        save(device, entry("lastDisconnectTime", KvValue.of(nowMillis)));
        stream.status(device, false, nowMillis);
    }

    /** Notes a PUBLISH, SUBSCRIBE, UNSUBSCRIBE or PINGREQ of a device. */
    public void activity(DeviceRef device, long nowMillis) {
        DeviceActivity state = devices.get(device.id());
        if (state == null) {
            return;
        }
        state.lastActivity.set(nowMillis);
        if (state.active.compareAndSet(false, true)) {
            state.lastReported.set(nowMillis);
            save(device, entry("active", KvValue.of(true)), entry("lastActivityTime", KvValue.of(nowMillis)));
            return;
        }
        long reported = state.lastReported.get();
        if (nowMillis - reported >= reportIntervalMillis && state.lastReported.compareAndSet(reported, nowMillis)) {
            save(device, entry("lastActivityTime", KvValue.of(nowMillis)));
        }
    }

    /** Stops tracking a device that was deleted. */
    public void forget(UUID deviceId) {
        devices.remove(deviceId);
    }

    /** Marks devices silent for their timeout inactive, and forgets inactive ones that are gone. */
    public void sweep(long nowMillis) {
        for (DeviceActivity state : devices.values()) {
            if (nowMillis - state.lastActivity.get() >= state.timeoutMillis && state.active.compareAndSet(true, false)) {
                save(state.device, entry("active", KvValue.of(false)),
                        entry("inactivityAlarmTime", KvValue.of(nowMillis)));
            }
            if (!state.active.get() && !state.connected) {
                devices.remove(state.device.id(), state);
            }
        }
    }

    private void save(DeviceRef device, KvEntry... entries) {
        attributes.save(device.id(), AttributeScope.SERVER, List.of(entries));
    }

    private static KvEntry entry(String key, KvValue value) {
        return new KvEntry(key, value);
    }
}
