package io.petrel.platform.memory;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.RegistryStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The registry in maps. Reads take no lock; writes, which must check uniqueness and update several maps as
 * one, are serialized on the store.
 */
public final class InMemoryRegistryStore implements RegistryStore {
    private final Map<String, Organization> organizations = new ConcurrentHashMap<>();
    private final Map<UUID, DeviceProfile> profiles = new ConcurrentHashMap<>();
    private final Map<UUID, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Device> devicesByName = new ConcurrentHashMap<>();
    private final Map<UUID, DeviceCredentials> credentialsByDevice = new ConcurrentHashMap<>();
    private final Map<String, DeviceCredentials> credentialsByKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Organization> findOrganization(String id) {
        return Optional.ofNullable(organizations.get(id));
    }

    @Override
    public List<Organization> listOrganizations() {
        return organizations.values().stream().sorted(Comparator.comparing(Organization::id)).toList();
    }

    @Override
    public synchronized void saveOrganization(Organization organization) {
        organizations.put(organization.id(), organization);
    }

    @Override
    public synchronized boolean deleteOrganization(String id) {
        if (devices.values().stream().anyMatch(d -> d.organization().equals(id)) || !organizations.containsKey(id)) {
            return false;
        }
        profiles.values().removeIf(p -> p.organization().equals(id));
        organizations.remove(id);
        return true;
    }

    @Override
    public Optional<DeviceProfile> findProfile(UUID id) {
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public Optional<DeviceProfile> findProfileByName(String organization, String name) {
        return profiles.values().stream()
                .filter(p -> p.organization().equals(organization) && p.name().equals(name))
                .findFirst();
    }

    @Override
    public Optional<DeviceProfile> findProfileByProvisionKey(String provisionKey) {
        return profiles.values().stream().filter(p -> provisionKey.equals(p.provisionKey())).findFirst();
    }

    @Override
    public List<DeviceProfile> listProfiles(String organization) {
        return profiles.values().stream().filter(p -> p.organization().equals(organization))
                .sorted(Comparator.comparing(DeviceProfile::name)).toList();
    }

    @Override
    public synchronized boolean saveProfile(DeviceProfile profile) {
        boolean taken = profiles.values().stream().anyMatch(other -> !other.id().equals(profile.id())
                && (other.organization().equals(profile.organization()) && other.name().equals(profile.name())
                        || profile.provisionKey() != null
                                && profile.provisionKey().equals(other.provisionKey())));
        if (taken) {
            return false;
        }
        profiles.put(profile.id(), profile);
        return true;
    }

    @Override
    public synchronized boolean deleteProfile(UUID id) {
        boolean used = devices.values().stream().anyMatch(d -> d.profileId().equals(id));
        return !used && profiles.remove(id) != null;
    }

    @Override
    public Optional<Device> findDevice(UUID id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public Optional<Device> findDeviceByName(String organization, String name) {
        return Optional.ofNullable(devicesByName.get(nameKey(organization, name)));
    }

    @Override
    public List<Device> listDevices(String organization, @Nullable String afterName, int limit) {
        return devices.values().stream()
                .filter(d -> d.organization().equals(organization))
                .filter(d -> afterName == null || d.name().compareTo(afterName) > 0)
                .sorted(Comparator.comparing(Device::name))
                .limit(limit)
                .toList();
    }

    @Override
    public long countDevices(String organization) {
        return devices.values().stream().filter(d -> d.organization().equals(organization)).count();
    }

    @Override
    public synchronized boolean saveDevice(Device device) {
        String key = nameKey(device.organization(), device.name());
        Device holder = devicesByName.get(key);
        if (holder != null && !holder.id().equals(device.id())) {
            return false;
        }
        Device previous = devices.put(device.id(), device);
        if (previous != null) {
            devicesByName.remove(nameKey(previous.organization(), previous.name()));
        }
        devicesByName.put(key, device);
        return true;
    }

    @Override
    public synchronized boolean deleteDevice(UUID id) {
        Device device = devices.remove(id);
        if (device == null) {
            return false;
        }
        devicesByName.remove(nameKey(device.organization(), device.name()));
        DeviceCredentials credentials = credentialsByDevice.remove(id);
        if (credentials != null) {
            credentialsByKey.remove(credentials.lookupKey());
        }
        return true;
    }

    @Override
    public Optional<DeviceCredentials> findCredentialsByKey(String lookupKey) {
        return Optional.ofNullable(credentialsByKey.get(lookupKey));
    }

    @Override
    public Optional<DeviceCredentials> findCredentials(UUID deviceId) {
        return Optional.ofNullable(credentialsByDevice.get(deviceId));
    }

    @Override
    public synchronized boolean saveCredentials(DeviceCredentials credentials) {
        DeviceCredentials holder = credentialsByKey.get(credentials.lookupKey());
        if (holder != null && !holder.deviceId().equals(credentials.deviceId())) {
            return false;
        }
        DeviceCredentials previous = credentialsByDevice.put(credentials.deviceId(), credentials);
        if (previous != null) {
            credentialsByKey.remove(previous.lookupKey());
        }
        credentialsByKey.put(credentials.lookupKey(), credentials);
        return true;
    }

    private static String nameKey(String organization, String name) {
        // The organization id cannot contain '/', so the pair is unambiguous.
        return Objects.requireNonNull(organization) + "/" + name;
    }
}
