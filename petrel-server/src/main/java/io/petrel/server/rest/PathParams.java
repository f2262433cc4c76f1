package io.petrel.server.rest;

import io.petrel.server.rest.schema.Param;
import io.petrel.server.rest.schema.Schema;
import java.util.Map;

/** Every path parameter of the API, by name: each name means the same thing wherever it occurs. */
final class PathParams {
    static final Map<String, Param> ALL = Map.of(
            "org", Param.required("org", Schema.text(64), "The organization's id."),
            "deviceId", Param.required("deviceId", Schema.uuid(), "The device's id."),
            "scope", Param.required("scope", Schema.string().oneOf("client", "shared", "server"),
                    "The attribute scope: client (written by the device), shared (written here, pushed to the "
                            + "device) or server (written and read here only)."),
            "keyId", Param.required("keyId", Schema.text(64), "The API key's id."),
            "tokenId", Param.required("tokenId", Schema.text(8192), "The org token itself, or, for operator-wide "
                    + "callers only, its id (its jti claim)."));

    private PathParams() {
    }

    static Param get(String name) {
        Param param = ALL.get(name);
        if (param == null) {
            throw new IllegalStateException("undeclared path parameter: " + name);
        }
        return param;
    }
}
