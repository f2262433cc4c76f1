package io.petrel.mqtt.device;

import io.petrel.api.Principal;
import io.petrel.platform.api.Downlink;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.ReasonCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How the protocol layer reaches the device platform: it opens a platform session for every connection whose
 * principal logged in with device credentials, before that connection's CONNACK.
 */
public interface DeviceOpener {
    /** For a server without a device platform: no device principal can exist, and none is let in. */
    DeviceOpener NONE = new DeviceOpener() {
        @Override
        public CompletionStage<OpenDecision> open(Principal principal, int protocolLevel, Downlink downlink) {
            return CompletableFuture.completedFuture(new OpenDecision.Refuse(ReasonCode.NOT_AUTHORIZED));
        }

        @Override
        public int maxPayloadSize() {
            return Integer.MAX_VALUE;
        }
    };

    /**
     * Opens the platform session of a device principal; the stage may complete on any thread.
     *
     * @param protocolLevel the MQTT protocol level: 3, 4 or 5
     * @param downlink the way back to the connection
     */
    CompletionStage<OpenDecision> open(Principal principal, int protocolLevel, Downlink downlink);

    /**
     * The largest payload a device may publish to the platform (device-api.md §0); a larger one ends the
     * connection with 0x95, packet too large.
     */
    int maxPayloadSize();
}
