package io.petrel.security.chain;

import static io.petrel.security.Clients.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.security.Organizations;
import io.petrel.security.cert.CertificateAuthenticator;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuthenticatorChainTest {
    private final AuthenticatorSlot devices = new AuthenticatorSlot();
    private final Organizations organizations = new Organizations(Map.of("acme", List.of("sensor-7")), Set.of());
    private final AuthenticatorChain chain = new AuthenticatorChain(List.of(
            new CertificateAuthenticator(CertificateAuthenticator.Identity.CN, Map.of(), organizations),
            devices,
            new AnonymousAuthenticator(Set.of("tcp"))));

    @Test
    void anonymousAccessIsPerListener() {
        assertThat(result(attempt(null, null, "192.0.2.1"))).isEqualTo(AuthResult.accept(Principal.ANONYMOUS));
        ConnectAttempt elsewhere = new ConnectAttempt("c", null, null, new InetSocketAddress("192.0.2.1", 1), "public",
                5);
        assertThat(result(elsewhere)).isInstanceOf(AuthResult.Refused.class)
                .extracting(r -> ((AuthResult.Refused) r).reason()).isEqualTo(AuthResult.Refusal.NOT_AUTHORIZED);
    }

    @Test
    void credentialsNobodyRecognisesEndAsAnAbstention() {
        assertThat(result(attempt("who", "knows", "192.0.2.1"))).isSameAs(AuthResult.ABSTAIN);
    }

    @Test
    void theDeviceSlotIsAskedOnceFilled() {
        devices.set(attempt -> CompletableFuture.completedFuture("ACCESS_TOKEN_1".equals(attempt.username())
                ? AuthResult.accept(new Principal("thermostat", "acme")) : AuthResult.ABSTAIN));
        assertThat(result(attempt("ACCESS_TOKEN_1", null, "192.0.2.1")))
                .isEqualTo(AuthResult.accept(new Principal("thermostat", "acme")));
        assertThat(result(attempt("other", null, "192.0.2.1"))).isSameAs(AuthResult.ABSTAIN);
    }

    @Test
    void aClientCertificateNamesTheClientAndItsOrganization() {
        ClientCertificate certificate = new ClientCertificate("CN=sensor-7,O=Acme", "sensor-7", List.of("s7.acme"),
                "ab".repeat(32), Long.MAX_VALUE);
        ConnectAttempt withCertificate = new ConnectAttempt("c", "ignored", null,
                new InetSocketAddress("192.0.2.1", 1), "tls", 4, certificate);
        assertThat(result(withCertificate)).isEqualTo(AuthResult.accept(new Principal("sensor-7", "acme")));

        CertificateAuthenticator byFingerprint = new CertificateAuthenticator(
                CertificateAuthenticator.Identity.FINGERPRINT, Map.of("AB:".repeat(31) + "AB", "gateway"),
                organizations);
        assertThat(byFingerprint.authenticate(withCertificate).toCompletableFuture().join())
                .isEqualTo(AuthResult.accept(new Principal("gateway", "default")));
        CertificateAuthenticator bySan = new CertificateAuthenticator(CertificateAuthenticator.Identity.SAN, Map.of(),
                organizations);
        assertThat(bySan.authenticate(withCertificate).toCompletableFuture().join())
                .isEqualTo(AuthResult.accept(new Principal("s7.acme", "default")));
    }

    private AuthResult result(ConnectAttempt attempt) {
        return chain.authenticate(attempt).toCompletableFuture().join();
    }
}
