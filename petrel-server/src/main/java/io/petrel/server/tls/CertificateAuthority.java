package io.petrel.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A small certificate authority: it issues server and client certificates with EC P-256 keys. Petrel uses it for
 * the development CA of a first start; operators and tests use it to make client certificates for mutual TLS.
 * Production deployments bring certificates from their own CA.
 */
public final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A new self-signed CA. */
    public static CertificateAuthority create(String commonName, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair pair = newKeyPair();
        X500Name name = name(commonName);
        X509Certificate certificate = sign(name, pair, name, pair.getPrivate(), null, notBefore, notAfter, true,
                List.of(), List.of(), null);
        return new CertificateAuthority(certificate, pair.getPrivate());
    }

    /** A CA from the PEM files {@link #write} made. */
    public static CertificateAuthority load(Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException {
        return new CertificateAuthority(Pem.readCertificate(certificateFile), Pem.readEcKey(keyFile));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server certificate for the given host names and IP addresses. */
    public Issued issueServer(String commonName, List<String> dnsNames, List<String> ipAddresses, Instant notBefore,
            Instant notAfter) throws GeneralSecurityException {
        KeyPair pair = newKeyPair();
        return new Issued(sign(name(commonName), pair, issuer(), key, certificate, notBefore, notAfter, false,
                dnsNames, ipAddresses, KeyPurposeId.id_kp_serverAuth), pair.getPrivate());
    }

    /** A client certificate for mutual TLS, with optional DNS names as subject alternative names. */
    public Issued issueClient(String commonName, List<String> dnsNames, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair pair = newKeyPair();
        return new Issued(sign(name(commonName), pair, issuer(), key, certificate, notBefore, notAfter, false,
                dnsNames, List.of(), KeyPurposeId.id_kp_clientAuth), pair.getPrivate());
    }

    /** Writes the CA certificate and key as PEM; the key file is readable by its owner only. */
    public void write(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
        Pem.write(keyFile, Pem.privateKey(key), true);
        Pem.write(certificateFile, Pem.certificate(certificate), false);
    }

    private X500Name issuer() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Petrel").addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey signer,
            @Nullable X509Certificate issuerCertificate, Instant notBefore, Instant notAfter, boolean ca,
            List<String> dnsNames, List<String> ipAddresses, @Nullable KeyPurposeId purpose)
            throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                            : KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate));
            }
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign a certificate", e);
        }
    }

    /**
     * A certificate this CA issued, with its key.
     *
     * @param certificate the certificate
     * @param key its private key
     */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        /** Writes the certificate, followed by the CA's, and the key as PEM files. */
        public void write(Path certificateFile, Path keyFile, CertificateAuthority ca)
                throws IOException, GeneralSecurityException {
            Pem.write(keyFile, Pem.privateKey(key), true);
            Pem.write(certificateFile, Pem.certificate(certificate) + Pem.certificate(ca.certificate()), false);
        }
    }
}
