package io.petrel.platform.rpc;

import io.petrel.platform.time.Scheduler;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** One server RPC in flight: its id on the device, its status, and its result once it ends. */
public final class RpcCall {
    private final UUID deviceId;
    private final int id;
    private final RpcRequest request;
    private final long expiresAtMillis;
    private final AtomicReference<RpcStatus> status = new AtomicReference<>(RpcStatus.QUEUED);
    private final CompletableFuture<RpcResult> result = new CompletableFuture<>();
    private volatile Scheduler.@Nullable Cancellable timer;

    RpcCall(UUID deviceId, int id, RpcRequest request, long expiresAtMillis) {
        this.deviceId = deviceId;
        this.id = id;
        this.request = request;
        this.expiresAtMillis = expiresAtMillis;
    }

    public UUID deviceId() {
        return deviceId;
    }

    /** The id the device sees in {@code v1/devices/me/rpc/request/{id}}. */
    public int id() {
        return id;
    }

    public RpcRequest request() {
        return request;
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    public RpcStatus status() {
        return status.get();
    }

    /** Completes when the call ends: answered, delivered (one-way), timed out or expired. */
    public CompletionStage<RpcResult> result() {
        return result;
    }

    void setTimer(Scheduler.Cancellable timer) {
        this.timer = timer;
    }

    /** Moves from one status to another; false if the call was elsewhere. */
    boolean advance(RpcStatus from, RpcStatus to) {
        return status.compareAndSet(from, to);
    }

    /** Ends the call, unless it already ended; false if it had. */
    boolean finish(RpcStatus finalStatus, @Nullable String response) {
        RpcStatus current;
        do {
            current = status.get();
            if (current.isFinal()) {
                return false;
            }
        } while (!status.compareAndSet(current, finalStatus));
        Scheduler.Cancellable pending = timer;
        if (pending != null) {
            pending.cancel();
        }
        result.complete(new RpcResult(finalStatus, response));
        return true;
    }
}
