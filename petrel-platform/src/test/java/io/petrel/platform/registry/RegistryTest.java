package io.petrel.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.platform.Problem;
import io.petrel.platform.memory.InMemoryRegistryStore;
import io.petrel.platform.testing.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final Registry registry = new Registry(store, new ManualTime(1_000));
    private final List<String> invalidated = new ArrayList<>();

    @BeforeEach
    void setUp() {
        registry.createOrganization("acme", "Acme", 0).value();
        registry.addListener((device, deleted) -> invalidated.add(device.id() + (deleted ? " deleted" : " changed")));
    }

    private Device device(String name) {
        return registry.createDevice(NewDevice.named("acme", name)).value();
    }

    @Test
    void anOrganizationComesWithADefaultProfileAndItsIdIsASlug() {
        assertThat(store.findProfileByName("acme", "default")).isPresent();
        assertThat(registry.createOrganization("acme", "again", 0).problem().message()).contains("already exists");
        assertThat(registry.createOrganization("a/b", "x", 0).isOk()).isFalse();
        assertThat(registry.createOrganization("Acme", "x", 0).isOk()).as("namespace names are lower case").isFalse();
        assertThat(registry.createOrganization("", "x", 0).isOk()).isFalse();
        assertThat(registry.createOrganization("ok", "x", -1).isOk()).isFalse();
    }

    @Test
    void problemsSayWhetherSomethingIsMissingTakenOrInvalid() {
        device("pump");
        assertThat(registry.createOrganization("acme", "again", 0).problem().kind()).isEqualTo(Problem.Kind.CONFLICT);
        assertThat(registry.createDevice(NewDevice.named("acme", "pump")).problem().kind())
                .isEqualTo(Problem.Kind.CONFLICT);
        assertThat(registry.createDevice(NewDevice.named("nowhere", "x")).problem().kind())
                .isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(registry.createDevice(NewDevice.named("acme", "a/b")).problem().kind())
                .isEqualTo(Problem.Kind.INVALID);
        assertThat(registry.setCredentials(UUID.randomUUID(), new CredentialsSpec.AccessToken("t")).problem().kind())
                .isEqualTo(Problem.Kind.NOT_FOUND);
    }

    @Test
    void anOrganizationIsRenamedAndItsRetentionChangedSeparately() {
        assertThat(registry.updateOrganization("acme", "Acme Corp", null).value().telemetryTtlMillis()).isZero();
        assertThat(registry.updateOrganization("acme", null, 86_400_000L).value())
                .extracting(o -> o.name(), o -> o.telemetryTtlMillis()).containsExactly("Acme Corp", 86_400_000L);
        assertThat(registry.organization("acme").orElseThrow().createdAtMillis()).isEqualTo(1_000);
        assertThat(registry.updateOrganization("acme", " ", null).isOk()).isFalse();
        assertThat(registry.updateOrganization("acme", null, -1L).isOk()).isFalse();
        assertThat(registry.updateOrganization("nowhere", "x", null).problem().kind())
                .isEqualTo(Problem.Kind.NOT_FOUND);
    }

    @Test
    void anOrganizationIsDeletedWithItsProfilesOnlyOnceItHasNoDevices() {
        Device pump = device("pump");
        assertThat(registry.deleteOrganization("acme").problem().kind()).isEqualTo(Problem.Kind.CONFLICT);
        registry.deleteDevice(pump.id());
        assertThat(registry.deleteOrganization("acme").value().id()).isEqualTo("acme");
        assertThat(registry.organization("acme")).isEmpty();
        assertThat(store.listProfiles("acme")).isEmpty();
        assertThat(registry.deleteOrganization("acme").problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(registry.createOrganization("acme", "Acme again", 0).isOk()).as("the id is free again").isTrue();
    }

    @Test
    void aNewDeviceGetsTheDefaultProfileAndAGeneratedToken() {
        Device device = device("sensor-1");
        assertThat(device.type()).isEqualTo("default");
        assertThat(device.additionalInfo()).isEqualTo("{}");
        DeviceCredentials token = registry.credentials(device.id()).orElseThrow();
        assertThat(token.type()).isEqualTo(CredentialsType.ACCESS_TOKEN);
        assertThat(token.value()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(token.lookupKey()).isEqualTo(CredentialKeys.userName(token.value()));
    }

    @Test
    void deviceNamesAreUniquePerOrganizationAndUsableAsTopicLevels() {
        device("pump");
        assertThat(registry.createDevice(NewDevice.named("acme", "pump")).problem().message()).contains("already exists");
        assertThat(registry.createDevice(NewDevice.named("acme", "  pump  ")).isOk()).as("trimmed").isFalse();
        for (String bad : new String[] {"a/b", "a+", "#", "  ", "x\u0000"}) {
            assertThat(registry.createDevice(NewDevice.named("acme", bad)).isOk()).as(bad).isFalse();
        }
        assertThat(registry.createDevice(NewDevice.named("nowhere", "pump")).problem().message())
                .contains("no organization");
        assertThat(registry.createDevice(new NewDevice("acme", "x", "missing", null, false, null)).isOk()).isFalse();
        assertThat(registry.createDevice(new NewDevice("acme", "y", null, null, false, "[1]")).problem().message())
                .contains("additionalInfo");
    }

    @Test
    void provisioningProfilesNeedAKeyAndSecret() {
        assertThat(registry.createProfile(new NewProfile("acme", "p", PayloadType.JSON,
                ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key", null)).isOk()).isFalse();
        assertThat(registry.createProfile(new NewProfile("acme", "p", PayloadType.JSON,
                ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key", "secret")).value().provisionKey()).isEqualTo("key");
        assertThat(registry.createProfile(new NewProfile("acme", "q", PayloadType.JSON,
                ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key", "secret")).isOk()).as("key taken").isFalse();
    }

    @Test
    void basicCredentialsTakeTheShapesOfTheDeviceApi() {
        UUID id = device("d").id();
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic(null, null, "p")).isOk()).isFalse();
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic("", "", null)).isOk()).isFalse();
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic("c1", null, "p")).problem().message())
                .contains("client id only cannot have a password");
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic("c1", null, null)).value().lookupKey())
                .isEqualTo(CredentialKeys.clientId("c1"));
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic(null, "u1", "p")).value().lookupKey())
                .isEqualTo(CredentialKeys.userName("u1"));
        assertThat(registry.setCredentials(id, new CredentialsSpec.MqttBasic("c1", "u1", "p")).value().lookupKey())
                .isEqualTo(CredentialKeys.pair("c1", "u1"));
    }

    @Test
    void passwordsAreStoredHashed() {
        UUID id = device("d").id();
        DeviceCredentials stored = registry.setCredentials(id, new CredentialsSpec.MqttBasic("c", "u", "pa55")).value();
        assertThat(stored.value()).doesNotContain("pa55");
        MqttBasicValue basic = MqttBasicValue.fromJson(stored.value()).value();
        assertThat(basic.clientId()).isEqualTo("c");
        assertThat(basic.userName()).isEqualTo("u");
        assertThat(PasswordHasher.matches("pa55".getBytes(StandardCharsets.UTF_8), basic.passwordHash())).isTrue();
        assertThat(PasswordHasher.matches("pa56".getBytes(StandardCharsets.UTF_8), basic.passwordHash())).isFalse();
    }

    @Test
    void aUserNameAndAnAccessTokenShareOneKeySpace() {
        Device one = device("one");
        Device two = device("two");
        registry.setCredentials(one.id(), new CredentialsSpec.AccessToken("SHARED")).value();
        assertThat(registry.setCredentials(two.id(), new CredentialsSpec.MqttBasic(null, "SHARED", "x")).problem()
                .message()).contains("already used");
        assertThat(registry.setCredentials(two.id(), new CredentialsSpec.AccessToken("SHARED")).isOk()).isFalse();
        // A pair with the same user name is another key: the client id tells them apart.
        assertThat(registry.setCredentials(two.id(), new CredentialsSpec.MqttBasic("c", "SHARED", "x")).isOk()).isTrue();
        registry.setCredentials(one.id(), new CredentialsSpec.MqttBasic(null, "u-only", null)).value();
        assertThat(registry.setCredentials(two.id(), new CredentialsSpec.AccessToken("u-only")).isOk()).isFalse();
    }

    @Test
    void certificateFingerprintsAreSha3HexDigests() {
        UUID id = device("d").id();
        String fingerprint = "AB".repeat(32);
        assertThat(registry.setCredentials(id, new CredentialsSpec.X509(fingerprint)).value().lookupKey())
                .isEqualTo(CredentialKeys.certificate("ab".repeat(32)));
        assertThat(registry.setCredentials(id, new CredentialsSpec.X509("abc")).isOk()).isFalse();
    }

    @Test
    void changingCredentialsOrDeletingADeviceEndsItsSessions() {
        Device device = device("d");
        registry.setCredentials(device.id(), new CredentialsSpec.AccessToken("T")).value();
        assertThat(registry.deleteDevice(device.id())).isTrue();
        assertThat(registry.credentials(device.id())).isEmpty();
        assertThat(invalidated).containsExactly(device.id() + " changed", device.id() + " deleted");
    }

    @Test
    void renamingADeviceEndsItsSessionsAndFreesTheName() {
        Device device = device("old");
        Device renamed = registry.updateDevice(new Device(device.id(), "acme", "new", "t", device.profileId(), false,
                "{\"overwriteActivityTime\":true}", 0)).value();
        assertThat(renamed.name()).isEqualTo("new");
        assertThat(renamed.createdAtMillis()).isEqualTo(device.createdAtMillis());
        assertThat(invalidated).containsExactly(device.id() + " changed");
        assertThat(registry.createDevice(NewDevice.named("acme", "old")).isOk()).isTrue();
    }
}
