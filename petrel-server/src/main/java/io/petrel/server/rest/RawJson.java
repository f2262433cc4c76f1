package io.petrel.server.rest;

import java.util.Objects;

/**
 * A response body that is JSON text already, written as it is: a device's answer to an RPC.
 *
 * @param text valid JSON text
 */
public record RawJson(String text) {
    public RawJson {
        Objects.requireNonNull(text, "text");
    }
}
