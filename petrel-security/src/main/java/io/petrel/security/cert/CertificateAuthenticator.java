package io.petrel.security.cert;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.security.Organizations;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Takes the identity from a TLS client certificate the listener has already verified against its client CA:
 * the subject's common name, its first subject alternative name, or a mapping from the certificate's SHA-256
 * fingerprint to a name, like Mosquitto's {@code use_identity_as_username}. The certificate then stands for
 * the user name; any user name or password in the CONNECT is ignored. A certificate that yields no identity
 * (no CN, no SAN, an unmapped fingerprint) abstains, so that the next authenticator decides.
 */
public final class CertificateAuthenticator implements Authenticator {
    /** Where the identity comes from. */
    public enum Identity {
        /** The subject's common name. */
        CN,
        /** The first subject alternative name. */
        SAN,
        /** A configured mapping from fingerprint to name. */
        FINGERPRINT
    }

    private final Identity identity;
    private final Map<String, String> namesByFingerprint;
    private final Organizations organizations;

    /**
     * @param namesByFingerprint for {@link Identity#FINGERPRINT}, names by lower-case hex SHA-256 fingerprint
     *     (colons allowed)
     */
    public CertificateAuthenticator(Identity identity, Map<String, String> namesByFingerprint,
            Organizations organizations) {
        this.identity = identity;
        this.namesByFingerprint = normalize(namesByFingerprint);
        this.organizations = organizations;
    }

    private static Map<String, String> normalize(Map<String, String> byFingerprint) {
        Map<String, String> normalized = new HashMap<>();
        byFingerprint.forEach((fingerprint, name) -> normalized.put(fingerprintKey(fingerprint), name));
        return Map.copyOf(normalized);
    }

    private static String fingerprintKey(String fingerprint) {
        return fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(ConnectAttempt attempt) {
        ClientCertificate certificate = attempt.certificate();
        String name = certificate == null ? null : nameOf(certificate);
        if (name == null) {
            return CompletableFuture.completedFuture(AuthResult.ABSTAIN);
        }
        Principal principal = new Principal(name, organizations.ofUser(name));
        return CompletableFuture.completedFuture(
                AuthResult.accept(organizations.isOperator(name) ? principal.asOperator() : principal));
    }

    private @Nullable String nameOf(ClientCertificate certificate) {
        return switch (identity) {
            case CN -> certificate.commonName();
            case SAN -> certificate.subjectAltNames().isEmpty() ? null : certificate.subjectAltNames().get(0);
            case FINGERPRINT -> namesByFingerprint.get(fingerprintKey(certificate.sha256Fingerprint()));
        };
    }
}
