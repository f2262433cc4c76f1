package io.petrel.mqtt.transport.tls;

import io.petrel.api.auth.ClientCertificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/** Reads the identity out of a verified client certificate. */
public final class ClientCertificates {
    /** rfc822Name (1), dNSName (2), uniformResourceIdentifier (6) and iPAddress (7): the names that are text. */
    private static final Set<Integer> TEXT_NAMES = Set.of(1, 2, 6, 7);

    private ClientCertificates() {
    }

    /** The identity fields of a certificate. */
    public static ClientCertificate of(X509Certificate certificate) {
        List<String> alternativeNames = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    // Directory names and registered ids identify no MQTT client; they are left out.
                    if (TEXT_NAMES.contains((Integer) name.get(0))) {
                        alternativeNames.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // The TLS stack accepted the certificate; an unparsable extension just means no SANs to offer.
        }
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        return new ClientCertificate(subject, commonName(subject), alternativeNames, sha256(certificate),
                certificate.getNotAfter().getTime());
    }

    private static @Nullable String commonName(String subject) {
        try {
            List<Rdn> rdns = new LdapName(subject).getRdns();
            // LdapName indexes RDNs from the right; the subject's own CN is the leftmost, so search from the end.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot digest a certificate the TLS stack accepted", e);
        }
    }
}
