package io.petrel.server.rest.schema;

import org.jspecify.annotations.Nullable;

/** Checks the text of a query or path parameter against its schema. */
public final class ParamCheck {
    private ParamCheck() {
    }

    /**
     * What is wrong with a parameter's value, or null if it fits.
     *
     * @param kind "query parameter" or "path parameter", for the message
     */
    public static @Nullable String check(Param param, String value, String kind) {
        String where = kind + " '" + param.name() + "'";
        return switch (param.schema()) {
            case Schema.Str str -> SchemaCheck.string(value, str, where);
            case Schema.Int range -> SchemaCheck.integer(value, range, where);
            case Schema.Bool ignored -> value.equals("true") || value.equals("false") ? null
                    : where + " must be true or false, not '" + value + "'";
            default -> throw new IllegalStateException("unsupported parameter schema: " + param.name());
        };
    }
}
