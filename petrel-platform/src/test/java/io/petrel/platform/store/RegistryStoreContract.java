package io.petrel.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.api.store.platform.RegistryStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistryStore} does. A storage engine's test extends this class and supplies an empty
 * store.
 */
public abstract class RegistryStoreContract {
    private RegistryStore store;

    /** A new, empty store. */
    protected abstract RegistryStore createStore();

    @BeforeEach
    void setUp() {
        store = createStore();
        store.saveOrganization(new Organization("acme", "Acme", 0, 1));
        store.saveOrganization(new Organization("umbrella", "Umbrella", 86_400_000, 2));
    }

    private DeviceProfile profile(String org, String name, String provisionKey) {
        return new DeviceProfile(UUID.randomUUID(), org, name, PayloadType.JSON,
                provisionKey == null ? ProvisionStrategy.DISABLED : ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES,
                provisionKey, provisionKey == null ? null : "secret", 10);
    }

    private Device device(String org, String name, DeviceProfile profile) {
        return new Device(UUID.randomUUID(), org, name, "sensor", profile.id(), false, "{}", 20);
    }

    @Test
    void organizationsAreSavedReplacedListedAndDeleted() {
        assertThat(store.findOrganization("acme")).contains(new Organization("acme", "Acme", 0, 1));
        store.saveOrganization(new Organization("acme", "Acme Corp", 3_600_000, 1));
        assertThat(store.findOrganization("acme").orElseThrow().telemetryTtlMillis()).isEqualTo(3_600_000);
        assertThat(store.listOrganizations()).extracting(Organization::id).containsExactly("acme", "umbrella");
        assertThat(store.deleteOrganization("umbrella")).isTrue();
        assertThat(store.findOrganization("umbrella")).isEmpty();
        assertThat(store.deleteOrganization("umbrella")).isFalse();
    }

    @Test
    void anOrganizationGoesWithItsProfilesButNotWhileItOwnsADevice() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device device = device("acme", "pump", profile);
        store.saveDevice(device);
        assertThat(store.deleteOrganization("acme")).isFalse();
        assertThat(store.findOrganization("acme")).isPresent();
        assertThat(store.findProfile(profile.id())).isPresent();

        store.deleteDevice(device.id());
        assertThat(store.deleteOrganization("acme")).isTrue();
        assertThat(store.findOrganization("acme")).isEmpty();
        assertThat(store.findProfile(profile.id())).isEmpty();
        assertThat(store.listProfiles("acme")).isEmpty();
    }

    @Test
    void profileNamesAreUniquePerOrganization() {
        DeviceProfile first = profile("acme", "pumps", null);
        assertThat(store.saveProfile(first)).isTrue();
        assertThat(store.saveProfile(profile("acme", "pumps", null))).isFalse();
        assertThat(store.saveProfile(profile("umbrella", "pumps", null))).isTrue();
        assertThat(store.findProfileByName("acme", "pumps")).contains(first);
        assertThat(store.findProfile(first.id())).contains(first);
        assertThat(store.listProfiles("acme")).containsExactly(first);
    }

    @Test
    void provisioningKeysAreUniqueAcrossOrganizations() {
        DeviceProfile first = profile("acme", "a", "key-1");
        assertThat(store.saveProfile(first)).isTrue();
        assertThat(store.saveProfile(profile("umbrella", "b", "key-1"))).isFalse();
        assertThat(store.findProfileByProvisionKey("key-1")).contains(first);
        assertThat(store.findProfileByProvisionKey("key-2")).isEmpty();
        DeviceProfile renamed = new DeviceProfile(first.id(), "acme", "a2", PayloadType.PROTOBUF,
                first.provisionStrategy(), "key-1", "secret", first.createdAtMillis());
        assertThat(store.saveProfile(renamed)).as("a profile keeps its own key when replaced").isTrue();
        assertThat(store.findProfile(first.id())).contains(renamed);
    }

    @Test
    void aProfileInUseIsNotDeleted() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device device = device("acme", "d1", profile);
        store.saveDevice(device);
        assertThat(store.deleteProfile(profile.id())).isFalse();
        store.deleteDevice(device.id());
        assertThat(store.deleteProfile(profile.id())).isTrue();
        assertThat(store.findProfile(profile.id())).isEmpty();
    }

    @Test
    void deviceNamesAreUniquePerOrganization() {
        DeviceProfile acme = profile("acme", "default", null);
        DeviceProfile umbrella = profile("umbrella", "default", null);
        store.saveProfile(acme);
        store.saveProfile(umbrella);
        Device pump = device("acme", "pump", acme);
        assertThat(store.saveDevice(pump)).isTrue();
        assertThat(store.saveDevice(device("acme", "pump", acme))).isFalse();
        assertThat(store.saveDevice(device("umbrella", "pump", umbrella))).isTrue();
        assertThat(store.findDeviceByName("acme", "pump")).contains(pump);
        assertThat(store.findDevice(pump.id())).contains(pump);
        assertThat(store.countDevices("acme")).isEqualTo(1);
    }

    @Test
    void aRenamedDeviceFreesItsOldName() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device pump = device("acme", "pump", profile);
        store.saveDevice(pump);
        Device renamed = new Device(pump.id(), "acme", "pump-2", pump.type(), profile.id(), true, "{\"a\":1}",
                pump.createdAtMillis());
        assertThat(store.saveDevice(renamed)).isTrue();
        assertThat(store.findDeviceByName("acme", "pump")).isEmpty();
        assertThat(store.findDeviceByName("acme", "pump-2")).contains(renamed);
        assertThat(store.saveDevice(device("acme", "pump", profile))).isTrue();
    }

    @Test
    void devicesArePagedInNameOrder() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        for (String name : new String[] {"d3", "d1", "d5", "d2", "d4"}) {
            store.saveDevice(device("acme", name, profile));
        }
        assertThat(store.listDevices("acme", null, 2)).extracting(Device::name).containsExactly("d1", "d2");
        assertThat(store.listDevices("acme", "d2", 2)).extracting(Device::name).containsExactly("d3", "d4");
        assertThat(store.listDevices("acme", "d4", 2)).extracting(Device::name).containsExactly("d5");
        assertThat(store.listDevices("umbrella", null, 10)).isEmpty();
    }

    @Test
    void credentialsAreFoundByKeyAndByDevice() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device device = device("acme", "d1", profile);
        store.saveDevice(device);
        DeviceCredentials token = new DeviceCredentials(device.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1");
        assertThat(store.saveCredentials(token)).isTrue();
        assertThat(store.findCredentialsByKey("u:T1")).contains(token);
        assertThat(store.findCredentials(device.id())).contains(token);
        assertThat(store.findCredentialsByKey("u:t1")).as("keys are case-sensitive").isEmpty();
    }

    @Test
    void newCredentialsReplaceTheOldOnesAndFreeTheirKey() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device one = device("acme", "d1", profile);
        Device two = device("acme", "d2", profile);
        store.saveDevice(one);
        store.saveDevice(two);
        store.saveCredentials(new DeviceCredentials(one.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1"));
        DeviceCredentials basic = new DeviceCredentials(one.id(), CredentialsType.MQTT_BASIC, "c:client",
                "{\"clientId\":\"client\"}");
        assertThat(store.saveCredentials(basic)).isTrue();
        assertThat(store.findCredentialsByKey("u:T1")).isEmpty();
        assertThat(store.findCredentials(one.id())).contains(basic);
        assertThat(store.saveCredentials(new DeviceCredentials(two.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1")))
                .isTrue();
    }

    @Test
    void aLookupKeyBelongsToOneDevice() {
        DeviceProfile profile = profile("acme", "default", null);
        DeviceProfile other = profile("umbrella", "default", null);
        store.saveProfile(profile);
        store.saveProfile(other);
        Device one = device("acme", "d1", profile);
        Device two = device("umbrella", "d2", other);
        store.saveDevice(one);
        store.saveDevice(two);
        store.saveCredentials(new DeviceCredentials(one.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1"));
        assertThat(store.saveCredentials(new DeviceCredentials(two.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1")))
                .isFalse();
        assertThat(store.findCredentials(two.id())).isEmpty();
        assertThat(store.findCredentialsByKey("u:T1").orElseThrow().deviceId()).isEqualTo(one.id());
    }

    @Test
    void deletingADeviceDeletesItsCredentials() {
        DeviceProfile profile = profile("acme", "default", null);
        store.saveProfile(profile);
        Device device = device("acme", "d1", profile);
        store.saveDevice(device);
        store.saveCredentials(new DeviceCredentials(device.id(), CredentialsType.ACCESS_TOKEN, "u:T1", "T1"));
        assertThat(store.deleteDevice(device.id())).isTrue();
        assertThat(store.findDevice(device.id())).isEmpty();
        assertThat(store.findDeviceByName("acme", "d1")).isEmpty();
        assertThat(store.findCredentialsByKey("u:T1")).isEmpty();
        assertThat(store.deleteDevice(device.id())).isFalse();
    }
}
