package io.petrel.security.limit;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Logs a warning at most once per interval for each key, however often it is asked to. */
final class RateLimitedLog {
    private final Logger log;
    private final InstantSource clock;
    private final long intervalMillis;
    private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log, InstantSource clock, long intervalMillis) {
        this.log = log;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    void warn(String key, String format, Object argument) {
        long now = clock.millis();
        Long last = lastLogged.get(key);
        if ((last == null || now - last >= intervalMillis)
                && (last == null ? lastLogged.putIfAbsent(key, now) == null : lastLogged.replace(key, last, now))) {
            log.warn(format, argument);
        }
    }
}
