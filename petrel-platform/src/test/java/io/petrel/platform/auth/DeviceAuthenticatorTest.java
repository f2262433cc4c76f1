package io.petrel.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.DeviceIdentity;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.ClientCertificate;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.memory.InMemoryRegistryStore;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.Registry;
import io.petrel.platform.testing.ManualTime;
import io.petrel.platform.testing.PlatformFixture;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Device login by credentials, device-api.md §1.1, §1.2, §1.4. */
class DeviceAuthenticatorTest {
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final Registry registry = new Registry(store, new ManualTime(0));
    private final DeviceAuthenticator authenticator = new DeviceAuthenticator(store, Runnable::run);

    @BeforeEach
    void setUp() {
        registry.createOrganization("acme", "Acme", 0).value();
    }

    private Device device(String name, boolean gateway, CredentialsSpec credentials) {
        Device device = registry.createDevice(new NewDevice("acme", name, null, null, gateway, null)).value();
        registry.setCredentials(device.id(), credentials).value();
        return device;
    }

    private DeviceLogin login(String clientId, String username, String password) {
        ConnectAttempt attempt = new ConnectAttempt(clientId, username,
                password == null ? null : password.getBytes(StandardCharsets.UTF_8),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), "tcp", 5);
        return PlatformFixture.join(authenticator.login(attempt));
    }

    private static Principal accepted(DeviceLogin login) {
        assertThat(login).isInstanceOf(DeviceLogin.Accepted.class);
        return ((DeviceLogin.Accepted) login).principal();
    }

    @Test
    void anAccessTokenIsTheUserNameAndThePasswordIsIgnored() {
        Device device = device("d1", true, new CredentialsSpec.AccessToken("T0k3n"));
        Principal principal = accepted(login("any", "T0k3n", "whatever"));
        assertThat(principal).isEqualTo(Principal.device("d1", "acme", device.id(), true));
        assertThat(principal.device()).isEqualTo(DeviceIdentity.of(device.id(), true));
        accepted(login("", "T0k3n", null));
        assertThat(login("any", "t0k3n", null)).as("case-sensitive").isEqualTo(new DeviceLogin.Unknown(false));
    }

    @Test
    void withoutAUserNameOnlyAClientIdCredentialMatches() {
        device("d1", false, new CredentialsSpec.MqttBasic("client-1", null, null));
        assertThat(accepted(login("client-1", null, null)).name()).isEqualTo("d1");
        assertThat(login("client-2", null, null)).isEqualTo(new DeviceLogin.Unknown(true));
    }

    @Test
    void aClientIdAndUserNamePairDecidesOnItsPassword() {
        device("d1", false, new CredentialsSpec.MqttBasic("c1", "u1", "p1"));
        assertThat(accepted(login("c1", "u1", "p1")).name()).isEqualTo("d1");
        assertThat(login("c1", "u1", "nope")).isInstanceOf(DeviceLogin.Refused.class);
        assertThat(login("c1", "u1", null)).isInstanceOf(DeviceLogin.Refused.class);
        assertThat(login("c2", "u1", "p1")).as("another client id is another key").isEqualTo(new DeviceLogin.Unknown(false));
    }

    @Test
    void aPairWithoutPasswordAcceptsAnyPassword() {
        device("d1", false, new CredentialsSpec.MqttBasic("c1", "u1", null));
        assertThat(accepted(login("c1", "u1", "anything")).name()).isEqualTo("d1");
    }

    @Test
    void aUserNameOnlyCredentialChecksItsPasswordForAnyClientId() {
        device("d1", false, new CredentialsSpec.MqttBasic(null, "u1", "p1"));
        assertThat(accepted(login("whatever", "u1", "p1")).name()).isEqualTo("d1");
        assertThat(login("whatever", "u1", "p2")).isInstanceOf(DeviceLogin.Refused.class);
        device("d2", false, new CredentialsSpec.MqttBasic(null, "u2", null));
        assertThat(accepted(login("x", "u2", null)).name()).isEqualTo("d2");
    }

    @Test
    void thePairIsTriedBeforeTheUserNameAlone() {
        device("pair", false, new CredentialsSpec.MqttBasic("c1", "shared", "pair-pw"));
        device("token", false, new CredentialsSpec.AccessToken("shared"));
        assertThat(accepted(login("c1", "shared", "pair-pw")).name()).isEqualTo("pair");
        assertThat(login("c1", "shared", "wrong")).as("a found pair decides alone").isInstanceOf(DeviceLogin.Refused.class);
        assertThat(accepted(login("c9", "shared", "wrong")).name()).isEqualTo("token");
    }

    @Test
    void provisionAsUserNameOrClientIdIsAProvisionOnlySession() {
        assertThat(accepted(login("x", "provision", "anything")).device().isProvisionOnly()).isTrue();
        assertThat(accepted(login("provision", null, null))).isEqualTo(Principal.provisionOnly());
    }

    @Test
    void asAnAuthenticatorUnknownAndWrongCredentialsAreRefused() {
        device("d1", false, new CredentialsSpec.MqttBasic("c1", "u1", "p1"));
        ConnectAttempt wrong = new ConnectAttempt("c1", "u1", "p2".getBytes(StandardCharsets.UTF_8),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), "tcp", 4);
        AuthResult result = PlatformFixture.join(authenticator.authenticate(wrong));
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        assertThat(((AuthResult.Refused) result).reason()).isEqualTo(AuthResult.Refusal.BAD_CREDENTIALS);
    }

    @Test
    void aRegistryFailureIsServerUnavailable() {
        RegistryStore down = (RegistryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RegistryStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("database down");
                });
        DeviceAuthenticator broken = new DeviceAuthenticator(down, Runnable::run);
        ConnectAttempt attempt = new ConnectAttempt("c", "token", null,
                InetSocketAddress.createUnresolved("127.0.0.1", 1), "tcp", 5);
        AuthResult result = PlatformFixture.join(broken.authenticate(attempt));
        assertThat(((AuthResult.Refused) result).reason()).isEqualTo(AuthResult.Refusal.SERVER_UNAVAILABLE);
    }

    private DeviceLogin loginWithCertificate(String fingerprint, String username) {
        ClientCertificate certificate = new ClientCertificate("CN=sensor", "sensor", List.of(), fingerprint, Long.MAX_VALUE);
        return PlatformFixture.join(authenticator.login(new ConnectAttempt("c", username, null,
                InetSocketAddress.createUnresolved("127.0.0.1", 1), "tls", 5, certificate)));
    }

    @Test
    void aVerifiedClientCertificateLogsItsDeviceInAndOtherCertificatesFallBackToCredentials() {
        device("cert", false, new CredentialsSpec.X509("0f".repeat(32)));
        device("token", false, new CredentialsSpec.AccessToken("T"));
        assertThat(accepted(loginWithCertificate("0F".repeat(32), null)).name()).isEqualTo("cert");
        assertThat(loginWithCertificate("1f".repeat(32), null)).isEqualTo(new DeviceLogin.Unknown(true));
        assertThat(accepted(loginWithCertificate("1f".repeat(32), "T")).name()).isEqualTo("token");
    }

    @Test
    void asAnAuthenticatorItAbstainsFromCredentialsItDoesNotKnow() {
        ConnectAttempt someoneElse = new ConnectAttempt("c", "alice", "pw".getBytes(StandardCharsets.UTF_8),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), "tcp", 5);
        assertThat(PlatformFixture.join(authenticator.authenticate(someoneElse))).isEqualTo(AuthResult.ABSTAIN);
        device("d", false, new CredentialsSpec.AccessToken("T"));
        ConnectAttempt token = new ConnectAttempt("c", "T", null, InetSocketAddress.createUnresolved("127.0.0.1", 1),
                "tcp", 5);
        assertThat(PlatformFixture.join(authenticator.authenticate(token))).isInstanceOf(AuthResult.Accepted.class);
    }
}
