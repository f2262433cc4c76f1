package io.petrel.security;

import io.petrel.security.cert.CertificateAuthenticator;
import io.petrel.security.limit.ConnectGuardConfig;
import io.petrel.security.limit.LimitsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything security needs to start.
 *
 * @param passwordFile a {@code mosquitto_passwd} file, or null for no password users
 * @param aclFile an ACL file, or null for no rules (everything allowed within each organization)
 * @param operators the user names that may reach every organization
 * @param organizations the users of each organization other than the default one
 * @param tokens whether org tokens are accepted
 * @param tokenKey the token signing key (a private EC P-256 JWK), or null for one generated in the data
 *     directory
 * @param certificateIdentity where a TLS client certificate's identity comes from, or null to ignore
 *     certificates
 * @param certificateNames for the fingerprint identity, a file of {@code <sha256 fingerprint> <name>} lines
 * @param authThreads threads that check passwords and token signatures
 * @param authQueue checks that may wait for a thread before CONNECTs are refused
 * @param reloadInterval how often the password, ACL and revocation files are checked for changes
 * @param guard connect rates and login back-off per address
 * @param limits connection and publish limits
 */
public record SecurityConfig(
        @Nullable Path passwordFile,
        @Nullable Path aclFile,
        Set<String> operators,
        Map<String, List<String>> organizations,
        boolean tokens,
        @Nullable Path tokenKey,
        CertificateAuthenticator.@Nullable Identity certificateIdentity,
        @Nullable Path certificateNames,
        int authThreads,
        int authQueue,
        Duration reloadInterval,
        ConnectGuardConfig guard,
        LimitsConfig limits) {

    public SecurityConfig {
        operators = Set.copyOf(operators);
        organizations = Map.copyOf(organizations);
    }

    /** Defaults: no password file, no ACL, tokens on, default guard, no limits. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(null, null, Set.of(), Map.of(), true, null, null, null, 2, 10_000,
                Duration.ofSeconds(1), ConnectGuardConfig.defaults(), LimitsConfig.none());
    }
}
