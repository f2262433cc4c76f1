package io.petrel.platform.registry;

import io.petrel.api.topic.Namespace;
import io.petrel.platform.Result;

/**
 * What names the registry accepts. Device names become topic levels of the streaming namespace
 * ({@code device/{name}/telemetry}), so they may not contain {@code /}, {@code +}, {@code #} or control
 * characters. Organization ids scope topic spaces and are kept to a plain slug.
 */
public final class RegistryNames {
    /** The longest device or profile name. */
    public static final int MAX_NAME_LENGTH = 255;

    private RegistryNames() {
    }

    /** An organization id, which must also be a valid namespace name for the broker to mount it. */
    public static Result<String> organizationId(String id) {
        return Namespace.isValidName(id) ? Result.ok(id)
                : Result.fail("an organization id is 1 to 64 lower-case letters, digits, '_', '.' or '-', and starts "
                        + "with a letter or digit");
    }

    /** A device or profile name, trimmed; what it names is used in problem messages. */
    public static Result<String> name(String what, String raw) {
        String name = raw.strip();
        if (name.isEmpty()) {
            return Result.fail("a %s name must not be blank", what);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Result.fail("a %s name must not be longer than %d characters", what, MAX_NAME_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c)) {
                return Result.fail("a %s name must not contain '/', '+', '#' or control characters", what);
            }
        }
        return Result.ok(name);
    }
}
