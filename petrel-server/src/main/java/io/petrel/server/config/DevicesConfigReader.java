package io.petrel.server.config;

import io.petrel.platform.PlatformConfig;
import io.petrel.platform.kv.KvConfig;
import io.petrel.server.devices.DevicesConfig;
import org.jspecify.annotations.Nullable;

/** Reads the {@code devices.*} keys into a {@link DevicesConfig}. */
final class DevicesConfigReader {
    private DevicesConfigReader() {
    }

    static DevicesConfig read(ConfigReader reader) {
        long minRpcTimeout = reader.get(ConfigKeys.DEVICES_RPC_MIN_TIMEOUT).toMillis();
        long defaultRpcTimeout = reader.get(ConfigKeys.DEVICES_RPC_DEFAULT_TIMEOUT).toMillis();
        if (defaultRpcTimeout < minRpcTimeout) {
            throw new ConfigException(ConfigKeys.DEVICES_RPC_DEFAULT_TIMEOUT.path() + " must not be shorter than "
                    + ConfigKeys.DEVICES_RPC_MIN_TIMEOUT.path());
        }
        PlatformConfig platform = new PlatformConfig(
                (int) (long) reader.get(ConfigKeys.DEVICES_MAX_PAYLOAD_SIZE),
                reader.get(ConfigKeys.DEVICES_MAX_INFLIGHT),
                new PlatformConfig.RateLimits(limits(reader, ConfigKeys.DEVICES_RATE_MESSAGES),
                        limits(reader, ConfigKeys.DEVICES_RATE_TELEMETRY_MESSAGES),
                        limits(reader, ConfigKeys.DEVICES_RATE_TELEMETRY_POINTS)),
                reader.get(ConfigKeys.DEVICES_MAX_SESSIONS),
                reader.get(ConfigKeys.DEVICES_CLIENT_RPC_TIMEOUT).toMillis(),
                reader.get(ConfigKeys.DEVICES_RPC_TRANSPORT_TIMEOUT).toMillis(),
                defaultRpcTimeout,
                minRpcTimeout,
                reader.get(ConfigKeys.DEVICES_INACTIVITY_TIMEOUT).toMillis(),
                reader.get(ConfigKeys.DEVICES_SESSION_INACTIVITY_TIMEOUT).toMillis(),
                reader.get(ConfigKeys.DEVICES_ACTIVITY_REPORT_INTERVAL).toMillis(),
                reader.get(ConfigKeys.DEVICES_ACTIVITY_CHECK_INTERVAL).toMillis(),
                reader.get(ConfigKeys.DEVICES_PROVISION_LINGER).toMillis(),
                new KvConfig(reader.get(ConfigKeys.DEVICES_TYPE_CAST), reader.get(ConfigKeys.DEVICES_MAX_STRING_LENGTH)));
        return new DevicesConfig(reader.get(ConfigKeys.DEVICES_ENABLED), platform,
                reader.get(ConfigKeys.DEVICES_THREADS), reader.get(ConfigKeys.DEVICES_QUEUE));
    }

    /** Rate limits as devices are told them: comma-separated {@code capacity:seconds} pairs, or empty. */
    private static @Nullable String limits(ConfigReader reader, Key<String> key) {
        String value = reader.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String compact = value.replace(" ", "");
        if (!compact.matches("[1-9][0-9]*:[1-9][0-9]*(,[1-9][0-9]*:[1-9][0-9]*)*")) {
            throw ConfigException.badValue(key.path(), value,
                    "capacity:seconds pairs joined by commas, such as 200:1,6000:60, or empty for none");
        }
        return compact;
    }
}
