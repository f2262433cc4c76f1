package io.petrel.engine;

import io.petrel.engine.session.SessionConfig;
import java.time.Duration;

/**
 * The engine's settings.
 *
 * @param sessions the limits every session shares
 * @param sysInterval how often {@code $SYS} topics are published; zero turns them off
 * @param version the version published in {@code $SYS/broker/version}
 */
public record EngineConfig(SessionConfig sessions, Duration sysInterval, String version) {
    /** Defaults: default session limits and {@code $SYS} every 10 seconds. */
    public static EngineConfig defaults(String version) {
        return new EngineConfig(SessionConfig.defaults(), Duration.ofSeconds(10), version);
    }
}
