package io.petrel.server.rest.schema;

import java.util.Objects;

/**
 * A member of an object.
 *
 * @param name the member's name
 * @param schema its shape
 * @param required whether it must be present
 * @param description what it means, for the document
 */
public record Field(String name, Schema schema, boolean required, String description) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(description, "description");
    }

    public static Field required(String name, Schema schema, String description) {
        return new Field(name, schema, true, description);
    }

    public static Field optional(String name, Schema schema, String description) {
        return new Field(name, schema, false, description);
    }
}
