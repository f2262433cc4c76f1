package io.petrel.platform.rpc;

import java.util.Objects;

/**
 * A call to a device.
 *
 * @param method the method name
 * @param paramsJson the params as JSON text, passed to the device unchanged ({@code null} for none)
 * @param timeoutMillis how long the call may take; raised to the configured minimum
 * @param oneWay whether the call is over once delivered, rather than once answered
 */
public record RpcRequest(String method, String paramsJson, long timeoutMillis, boolean oneWay) {
    public RpcRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }
}
