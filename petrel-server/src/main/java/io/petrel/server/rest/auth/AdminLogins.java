package io.petrel.server.rest.auth;

import io.petrel.api.Principal;
import io.petrel.security.Security;
import io.petrel.security.password.PasswordHash;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.RestConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks admins' passwords: the admin of the configuration, who acts in every organization, and the
 * password-file users named as admins, who act in their organization unless they are operators. Checks are
 * slow on purpose and take as long for an unknown user as for a known one.
 */
public final class AdminLogins {
    private static final PasswordHash DECOY = PasswordHash.create("decoy", PasswordHash.DEFAULT_ITERATIONS);

    private final String adminUser;
    private final @Nullable PasswordHash adminHash;
    private final byte @Nullable [] adminPlain;
    private final Set<String> fileAdmins;
    private final Security security;

    public AdminLogins(RestConfig config, Security security) {
        String adminPassword = config.adminPassword();
        this.adminUser = config.adminUser();
        this.fileAdmins = Set.copyOf(config.admins());
        this.security = security;
        if (adminPassword == null) {
            this.adminHash = null;
            this.adminPlain = null;
        } else if (adminPassword.startsWith("$6$") || adminPassword.startsWith("$7$")) {
            this.adminHash = PasswordHash.parse(adminPassword);
            this.adminPlain = null;
        } else {
            this.adminHash = null;
            this.adminPlain = adminPassword.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Whether anyone can log in at all. */
    public boolean anyAdmin() {
        return adminHash != null || adminPlain != null || !fileAdmins.isEmpty();
    }

    /**
     * The admin with this user name and password, or empty. An address that failed too often waits first, as for
     * MQTT logins ({@code auth.login-failures-before-backoff}), and shares its back-off with them.
     *
     * @throws ApiError 429 while the address backs off
     */
    public Optional<Caller> login(String user, byte[] password, InetAddress from) {
        if (!security.guard().mayTryLogin(from)) {
            throw new ApiError(429, "too many failed logins from this address; wait before trying again");
        }
        Optional<Caller> admin = check(user, password);
        security.guard().loginTried(from, admin.isPresent());
        return admin;
    }

    private Optional<Caller> check(String user, byte[] password) {
        if (user.equals(adminUser) && (adminHash != null || adminPlain != null)) {
            boolean matches = adminHash != null ? adminHash.matches(password)
                    : password.length > 0 && MessageDigest.isEqual(password, adminPlain);
            return matches ? Optional.of(new Caller(user, Caller.Kind.ADMIN, null)) : Optional.empty();
        }
        if (fileAdmins.contains(user)) {
            return security.checkPassword(user, password).map(AdminLogins::caller);
        }
        DECOY.matches(password);
        return Optional.empty();
    }

    private static Caller caller(Principal principal) {
        return new Caller(principal.name(), Caller.Kind.ADMIN, principal.operator() ? null : principal.organization());
    }
}
