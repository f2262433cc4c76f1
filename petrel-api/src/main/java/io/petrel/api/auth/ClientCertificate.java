package io.petrel.api.auth;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity in a TLS client certificate that the listener verified against its client CA.
 *
 * @param subject the subject's distinguished name, as RFC 2253 writes it
 * @param commonName the subject's common name (CN), or null if it has none
 * @param subjectAltNames the DNS names, e-mail addresses, URIs and IP addresses among the subject alternative
 *     names, in certificate order
 * @param sha256Fingerprint the SHA-256 fingerprint of the DER-encoded certificate, as 64 lower-case hex digits
 * @param notAfterMillis the end of the certificate's validity, in epoch milliseconds
 */
public record ClientCertificate(
        String subject,
        @Nullable String commonName,
        List<String> subjectAltNames,
        String sha256Fingerprint,
        long notAfterMillis) {

    public ClientCertificate {
        Objects.requireNonNull(subject, "subject");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    }
}
