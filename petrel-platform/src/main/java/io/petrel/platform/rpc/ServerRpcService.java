package io.petrel.platform.rpc;

import io.petrel.api.QoS;
import io.petrel.platform.PlatformConfig;
import io.petrel.platform.Result;
import io.petrel.platform.api.DeliveryListener;
import io.petrel.platform.api.Outbound;
import io.petrel.platform.api.TopicFamily;
import io.petrel.platform.json.JsonReader;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.session.DeviceSessions;
import io.petrel.platform.session.SessionHandle;
import io.petrel.platform.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side RPC (device-api.md §9). Each call gets the device's next id, counted from 0 per device rather
 * than per session. It goes at once to every session of the device subscribed to RPC requests, or waits in
 * the device's queue until a session subscribes or the call times out. A PUBACK (QoS 1) or the write (QoS 0)
 * marks it DELIVERED, which ends a one-way call; a two-way call ends with the device's answer. A QoS 1 request
 * not acknowledged within the transport timeout ends as TIMEOUT.
 */
public final class ServerRpcService {
    private final DeviceSessions sessions;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final PlatformConfig config;
    private final Map<UUID, DeviceCalls> devices = new ConcurrentHashMap<>();

    /** A device's id counter and its calls that have not ended. */
    private static final class DeviceCalls {
        final AtomicInteger nextId = new AtomicInteger();
        final Map<Integer, RpcCall> calls = new ConcurrentHashMap<>();

        int nextId() {
            return nextId.getAndUpdate(id -> id == Integer.MAX_VALUE ? 0 : id + 1);
        }
    }

    public ServerRpcService(DeviceSessions sessions, Scheduler scheduler, InstantSource clock, PlatformConfig config) {
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
    }

    /** Calls a device; a problem if the params are not JSON. */
    public Result<RpcCall> call(UUID deviceId, RpcRequest request) {
        if (!JsonReader.parse(request.paramsJson().getBytes(StandardCharsets.UTF_8)).isOk()) {
            return Result.fail("params must be JSON");
        }
        long timeout = request.timeoutMillis() <= 0 ? config.rpcDefaultTimeoutMillis()
                : Math.max(config.rpcMinTimeoutMillis(), request.timeoutMillis());
        DeviceCalls device = devices.computeIfAbsent(deviceId, id -> new DeviceCalls());
        RpcCall call = new RpcCall(deviceId, device.nextId(), request, clock.millis() + timeout);
        device.calls.put(call.id(), call);
        call.result().whenComplete((result, failure) -> device.calls.remove(call.id(), call));
        call.setTimer(scheduler.schedule(() -> expire(call), timeout));
        List<SessionHandle> targets = sessions.sessions(deviceId).stream()
                .filter(session -> session.rpcRequests() != null)
                .toList();
        if (!targets.isEmpty() && call.advance(RpcStatus.QUEUED, RpcStatus.SENT)) {
            targets.forEach(session -> session.downlink().send(outbound(call, session)));
        }
        return Result.ok(call);
    }

    /**
     * The queued calls of a session's device, as messages for that session, which just subscribed to RPC
     * requests. Each is handed to one session only.
     */
    public List<Outbound> flush(SessionHandle session) {
        DeviceCalls device = devices.get(session.device().id());
        List<Outbound> outbound = new ArrayList<>();
        if (device == null || session.rpcRequests() == null) {
            return outbound;
        }
        device.calls.values().stream()
                .sorted(Comparator.comparingLong(RpcCall::expiresAtMillis).thenComparingInt(RpcCall::id))
                .filter(call -> call.advance(RpcStatus.QUEUED, RpcStatus.SENT))
                .forEach(call -> outbound.add(outbound(call, session)));
        return outbound;
    }

    /** The device answered call {@code id}; false if no two-way call with that id is waiting. */
    public boolean onResponse(UUID deviceId, int id, byte[] payload) {
        DeviceCalls device = devices.get(deviceId);
        RpcCall call = device == null ? null : device.calls.get(id);
        if (call == null || call.request().oneWay()) {
            return false;
        }
        return call.finish(RpcStatus.SUCCESSFUL, new String(payload, StandardCharsets.UTF_8));
    }

    private Outbound outbound(RpcCall call, SessionHandle session) {
        TopicFamily family = session.rpcRequests();
        String topic = (family == null ? TopicFamily.V1 : family).rpcRequestTopic(call.id());
        QoS qos = session.qosFor(topic);
        if (qos != QoS.AT_MOST_ONCE) {
            scheduler.schedule(() -> {
                if (call.status() == RpcStatus.SENT) {
                    call.finish(RpcStatus.TIMEOUT, null);
                }
            }, config.rpcTransportTimeoutMillis());
        }
        byte[] payload = JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeStringField("method", call.request().method());
            out.writeFieldName("params");
            out.writeRawValue(call.request().paramsJson());
            out.writeEndObject();
        });
        return new Outbound(topic, payload, qos, new DeliveryListener() {
            @Override
            public void delivered() {
                if (call.advance(RpcStatus.SENT, RpcStatus.DELIVERED) && call.request().oneWay()) {
                    call.finish(RpcStatus.SUCCESSFUL, null);
                }
            }

            @Override
            public void failed() {
                // Another session of the device may still deliver it; else the timeout ends the call.
            }
        });
    }

    private void expire(RpcCall call) {
        call.finish(call.status() == RpcStatus.QUEUED ? RpcStatus.EXPIRED : RpcStatus.TIMEOUT, null);
    }
}
