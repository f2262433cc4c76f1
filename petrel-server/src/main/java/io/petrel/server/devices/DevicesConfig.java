package io.petrel.server.devices;

import io.petrel.platform.PlatformConfig;

/**
 * The device platform's settings in the server.
 *
 * @param enabled whether devices are served; without the platform, no device credentials are accepted
 * @param platform the platform's own settings
 * @param threads threads for store calls and password checks
 * @param queue store calls that may wait for those threads
 */
public record DevicesConfig(boolean enabled, PlatformConfig platform, int threads, int queue) {

    /** The platform on, with the defaults of device-api.md. */
    public static DevicesConfig defaults() {
        return new DevicesConfig(true, PlatformConfig.DEFAULTS, 4, 10_000);
    }

    public DevicesConfig {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("threads and queue must be at least 1");
        }
    }

    /** A copy with other platform settings. */
    public DevicesConfig withPlatform(PlatformConfig newPlatform) {
        return new DevicesConfig(enabled, newPlatform, threads, queue);
    }

    /** A copy with the platform on or off. */
    public DevicesConfig withEnabled(boolean on) {
        return new DevicesConfig(on, platform, threads, queue);
    }
}
