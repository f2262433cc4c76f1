package io.petrel.server.rest;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may log in to the REST API.
 *
 * @param adminUser the user name of the admin from the configuration
 * @param adminPassword that admin's password, as a {@code mosquitto_passwd} hash ({@code $7$...} or
 *     {@code $6$...}) or as plain text; null when the configuration names no admin
 * @param admins users of the password file who may log in; operators act in every organization, the others
 *     in their own
 * @param sessionTtl how long a login's session token is valid
 */
public record RestConfig(String adminUser, @Nullable String adminPassword, List<String> admins,
        Duration sessionTtl) {

    public RestConfig {
        admins = List.copyOf(admins);
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive");
        }
    }

    /** Defaults: no admin password (one is generated in the data directory), no password-file admins, 12 h. */
    public static RestConfig defaults() {
        return new RestConfig("admin", null, List.of(), Duration.ofHours(12));
    }

    /** A copy whose configured admin has this user name and password. */
    public RestConfig withAdmin(String user, String password) {
        return new RestConfig(user, password, admins, sessionTtl);
    }

    /** A copy with these password-file admins. */
    public RestConfig withAdmins(List<String> users) {
        return new RestConfig(adminUser, adminPassword, users, sessionTtl);
    }
}
