package io.petrel.platform.rpc;

import org.jspecify.annotations.Nullable;

/**
 * How a server RPC ended.
 *
 * @param status {@link RpcStatus#SUCCESSFUL}, {@link RpcStatus#TIMEOUT} or {@link RpcStatus#EXPIRED}
 * @param response the device's answer as it sent it, for a successful two-way call; else null
 */
public record RpcResult(RpcStatus status, @Nullable String response) {
}
