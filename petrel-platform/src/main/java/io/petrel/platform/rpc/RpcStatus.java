package io.petrel.platform.rpc;

/** Where a server RPC stands. */
public enum RpcStatus {
    /** Waiting for the device to subscribe to RPC requests. */
    QUEUED,
    /** Sent to the device's sessions; no PUBACK yet. */
    SENT,
    /** The device acknowledged it (QoS 1), or it was written (QoS 0). */
    DELIVERED,
    /** The device answered (two-way), or it was delivered (one-way). */
    SUCCESSFUL,
    /** Sent, but not acknowledged or answered in time. */
    TIMEOUT,
    /** Never sent: the device did not subscribe before the call's timeout. */
    EXPIRED;

    /** Whether the call is over. */
    public boolean isFinal() {
        return this == SUCCESSFUL || this == TIMEOUT || this == EXPIRED;
    }
}
