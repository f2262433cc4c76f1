package io.petrel.mqtt.handler;

import java.util.UUID;

/** Identifiers the server assigns to clients that connect with an empty client id. */
final class ClientIds {
    private static final String PREFIX = "auto-";

    private ClientIds() {
    }

    /** A new identifier, unique with overwhelming probability. */
    static String assign() {
        return PREFIX + UUID.randomUUID();
    }
}
