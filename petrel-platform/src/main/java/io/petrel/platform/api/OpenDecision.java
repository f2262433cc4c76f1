package io.petrel.platform.api;

import java.util.List;

/** What to do when a session that logged in with device credentials starts. */
public sealed interface OpenDecision {

    /**
     * Serve the session, and close the sessions it evicts with {@link ReasonCode#SESSION_TAKEN_OVER}
     * (device-api.md §2.1): they belong to the same device and are its oldest beyond the limit.
     *
     * @param session the session to hand the packets to
     * @param evicted the older sessions to close
     */
    record Open(PlatformSession session, List<Downlink> evicted) implements OpenDecision {
        public Open {
            evicted = List.copyOf(evicted);
        }
    }

    /**
     * Refuse the connection: the device went away between login and start.
     *
     * @param reason the reason code
     */
    record Refuse(ReasonCode reason) implements OpenDecision {
    }
}
