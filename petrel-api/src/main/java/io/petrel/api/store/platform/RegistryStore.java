package io.petrel.api.store.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Organizations, device profiles, devices and device credentials. The store keeps the uniqueness rules that
 * must hold however many servers write at once (names within an organization, provisioning keys, credential
 * lookup keys); the platform checks everything else before it writes.
 */
public interface RegistryStore {

    /** The organization with an id. */
    Optional<Organization> findOrganization(String id);

    /** Every organization, by id. */
    List<Organization> listOrganizations();

    /** Creates an organization or replaces the one with its id. */
    void saveOrganization(Organization organization);

    /**
     * Deletes an organization that owns no device, with its profiles, in one step, so that no device can be
     * created in between; false if it owns a device, or does not exist.
     */
    boolean deleteOrganization(String id);

    /** The profile with an id. */
    Optional<DeviceProfile> findProfile(UUID id);

    /** The profile of an organization with a name. */
    Optional<DeviceProfile> findProfileByName(String organization, String name);

    /** The profile with a provisioning key, in any organization. */
    Optional<DeviceProfile> findProfileByProvisionKey(String provisionKey);

    /** An organization's profiles, by name. */
    List<DeviceProfile> listProfiles(String organization);

    /**
     * Creates a profile or replaces the one with its id.
     *
     * @return false, and nothing written, if another profile of the organization has the name or another
     *     profile has the provisioning key
     */
    boolean saveProfile(DeviceProfile profile);

    /** Deletes a profile that no device uses; false if one does, or the profile does not exist. */
    boolean deleteProfile(UUID id);

    /** The device with an id. */
    Optional<Device> findDevice(UUID id);

    /** The device of an organization with a name. */
    Optional<Device> findDeviceByName(String organization, String name);

    /**
     * A page of an organization's devices in name order.
     *
     * @param afterName the name of the last device of the previous page, or null for the first page
     * @param limit the most devices to return
     */
    List<Device> listDevices(String organization, @Nullable String afterName, int limit);

    /** How many devices an organization has. */
    long countDevices(String organization);

    /**
     * Creates a device or replaces the one with its id.
     *
     * @return false, and nothing written, if another device of the organization has the name
     */
    boolean saveDevice(Device device);

    /** Deletes a device and its credentials; false if it does not exist. */
    boolean deleteDevice(UUID id);

    /** The credentials with a lookup key, in any organization. */
    Optional<DeviceCredentials> findCredentialsByKey(String lookupKey);

    /** A device's credentials. */
    Optional<DeviceCredentials> findCredentials(UUID deviceId);

    /**
     * Sets a device's credentials, replacing any it had.
     *
     * @return false, and nothing written, if another device's credentials have the lookup key
     */
    boolean saveCredentials(DeviceCredentials credentials);
}
