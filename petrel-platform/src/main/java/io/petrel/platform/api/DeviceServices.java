package io.petrel.platform.api;

import io.petrel.platform.PlatformConfig;
import io.petrel.platform.attributes.AttributeService;
import io.petrel.platform.claim.ClaimService;
import io.petrel.platform.kv.KvParser;
import io.petrel.platform.rpc.ClientRpcService;
import io.petrel.platform.rpc.ServerRpcService;
import io.petrel.platform.session.ActivityTracker;
import io.petrel.platform.session.DeviceSessions;
import io.petrel.platform.stream.StreamPublisher;
import io.petrel.platform.telemetry.TelemetryParser;
import io.petrel.platform.telemetry.TelemetryService;
import java.time.InstantSource;

/**
 * The services device sessions work with, built once by {@link io.petrel.platform.DevicePlatform}.
 *
 * @param config the platform's settings
 * @param clock the wall clock
 * @param kv value typing
 * @param telemetryParser the telemetry shapes
 * @param telemetry telemetry storage
 * @param attributes attribute storage and pushes
 * @param serverRpc calls to devices
 * @param clientRpc calls from devices
 * @param claims claiming windows
 * @param sessions the live sessions of every device
 * @param activity the devices' active state
 * @param stream the streaming namespace
 */
public record DeviceServices(PlatformConfig config, InstantSource clock, KvParser kv, TelemetryParser telemetryParser,
        TelemetryService telemetry, AttributeService attributes, ServerRpcService serverRpc,
        ClientRpcService clientRpc, ClaimService claims, DeviceSessions sessions, ActivityTracker activity,
        StreamPublisher stream) {
}
