package io.petrel.server.rest.schema;

import java.util.Objects;

/**
 * A query or path parameter. Its schema is a string, a whole number, a boolean or a string with allowed
 * values: what a URL can carry.
 *
 * @param name the parameter's name
 * @param schema its shape
 * @param required whether it must be given
 * @param description what it means, for the document
 */
public record Param(String name, Schema schema, boolean required, String description) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!(schema instanceof Schema.Str || schema instanceof Schema.Int || schema instanceof Schema.Bool)) {
            throw new IllegalArgumentException("a parameter is a string, an integer or a boolean: " + name);
        }
    }

    public static Param required(String name, Schema schema, String description) {
        return new Param(name, schema, true, description);
    }

    public static Param optional(String name, Schema schema, String description) {
        return new Param(name, schema, false, description);
    }
}
