package io.petrel.platform.registry;

import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.api.store.platform.RegistryStore;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Organizations, profiles, devices and credentials, checked before they are stored. Every write returns the
 * stored record or the problem that stopped it. Calls block on the store: callers run them off event loops.
 */
public final class Registry {
    private final RegistryStore store;
    private final InstantSource clock;
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    public Registry(RegistryStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Registers a listener for devices whose sessions must end. */
    public void addListener(RegistryListener listener) {
        listeners.add(listener);
    }

    public RegistryStore store() {
        return store;
    }

    /** Creates an organization with its {@code default} profile. */
    public Result<Organization> createOrganization(String id, String name, long telemetryTtlMillis) {
        Result<String> checked = RegistryNames.organizationId(id);
        if (!checked.isOk()) {
            return Result.fail(checked.problem());
        }
        if (telemetryTtlMillis < 0) {
            return Result.fail("the telemetry retention must not be negative");
        }
        if (store.findOrganization(id).isPresent()) {
            return Result.conflict("organization '%s' already exists", id);
        }
        Organization organization = new Organization(id, name.isBlank() ? id : name.strip(), telemetryTtlMillis,
                clock.millis());
        store.saveOrganization(organization);
        createProfile(NewProfile.plain(id, DeviceProfile.DEFAULT_NAME));
        return Result.ok(organization);
    }

    /** Renames an organization, or changes how long its telemetry is kept; a null leaves that as it is. */
    public Result<Organization> updateOrganization(String id, @Nullable String name,
            @Nullable Long telemetryTtlMillis) {
        if (telemetryTtlMillis != null && telemetryTtlMillis < 0) {
            return Result.fail("the telemetry retention must not be negative");
        }
        if (name != null && name.isBlank()) {
            return Result.fail("an organization name must not be blank");
        }
        return store.findOrganization(id).<Result<Organization>>map(org -> {
            Organization updated = new Organization(org.id(), name == null ? org.name() : name.strip(),
                    telemetryTtlMillis == null ? org.telemetryTtlMillis() : telemetryTtlMillis, org.createdAtMillis());
            store.saveOrganization(updated);
            return Result.ok(updated);
        }).orElseGet(() -> Result.notFound("no organization '%s'", id));
    }

    /**
     * Deletes an organization that has no devices left, with its device profiles.
     *
     * @return the deleted organization, or why it was not deleted
     */
    public Result<Organization> deleteOrganization(String id) {
        Optional<Organization> organization = store.findOrganization(id);
        if (organization.isEmpty()) {
            return Result.notFound("no organization '%s'", id);
        }
        long devices = store.countDevices(id);
        if (devices > 0) {
            return Result.conflict("organization '%s' still has %d device(s); delete them first", id, devices);
        }
        if (!store.deleteOrganization(id)) {
            return Result.conflict("organization '%s' gained a device while it was being deleted", id);
        }
        return Result.ok(organization.get());
    }

    public Optional<Organization> organization(String id) {
        return store.findOrganization(id);
    }

    /** Every organization, by id. */
    public List<Organization> organizations() {
        return store.listOrganizations();
    }

    /** Creates a device profile. */
    public Result<DeviceProfile> createProfile(NewProfile request) {
        if (store.findOrganization(request.organization()).isEmpty()) {
            return Result.notFound("no organization '%s'", request.organization());
        }
        Result<String> name = RegistryNames.name("profile", request.name());
        if (!name.isOk()) {
            return Result.fail(name.problem());
        }
        boolean provisioning = request.provisionStrategy() != ProvisionStrategy.DISABLED;
        if (provisioning && (isBlank(request.provisionKey()) || isBlank(request.provisionSecret()))) {
            return Result.fail("a profile that allows provisioning needs a provisioning key and secret");
        }
        DeviceProfile profile = new DeviceProfile(UUID.randomUUID(), request.organization(), name.value(),
                request.payloadType(), request.provisionStrategy(), provisioning ? request.provisionKey() : null,
                provisioning ? request.provisionSecret() : null, clock.millis());
        return store.saveProfile(profile) ? Result.ok(profile)
                : Result.conflict("the profile name '%s' or its provisioning key is already used", name.value());
    }

    public Optional<DeviceProfile> profile(UUID id) {
        return store.findProfile(id);
    }

    /** Creates a device with a generated access token. */
    public Result<Device> createDevice(NewDevice request) {
        if (store.findOrganization(request.organization()).isEmpty()) {
            return Result.notFound("no organization '%s'", request.organization());
        }
        Result<String> name = RegistryNames.name("device", request.name());
        if (!name.isOk()) {
            return Result.fail(name.problem());
        }
        String profileName = request.profileName() == null ? DeviceProfile.DEFAULT_NAME : request.profileName();
        Optional<DeviceProfile> profile = store.findProfileByName(request.organization(), profileName);
        if (profile.isEmpty()) {
            return Result.fail("no device profile '%s' in organization '%s'", profileName, request.organization());
        }
        Result<String> info = additionalInfo(request.additionalInfo());
        if (!info.isOk()) {
            return Result.fail(info.problem());
        }
        String type = request.type() == null || request.type().isBlank() ? profileName : request.type().strip();
        Device device = new Device(UUID.randomUUID(), request.organization(), name.value(), type,
                profile.get().id(), request.gateway(), info.value(), clock.millis());
        if (!store.saveDevice(device)) {
            return Result.conflict("a device named '%s' already exists", name.value());
        }
        DeviceCredentials token = CredentialsFactory
                .build(device.id(), new CredentialsSpec.AccessToken(CredentialsFactory.randomToken())).value();
        store.saveCredentials(token);
        return Result.ok(device);
    }

    /** Renames a device, or changes its type, gateway flag or additional info. */
    public Result<Device> updateDevice(Device changed) {
        Optional<Device> existing = store.findDevice(changed.id());
        if (existing.isEmpty()) {
            return Result.notFound("no device %s", changed.id());
        }
        Result<String> name = RegistryNames.name("device", changed.name());
        Result<String> info = name.then(n -> additionalInfo(changed.additionalInfo()));
        if (!info.isOk()) {
            return Result.fail(info.problem());
        }
        Device old = existing.get();
        Device device = new Device(old.id(), old.organization(), name.value(), changed.type(), old.profileId(),
                changed.gateway(), info.value(), old.createdAtMillis());
        if (!store.saveDevice(device)) {
            return Result.conflict("a device named '%s' already exists", name.value());
        }
        if (!old.name().equals(device.name()) || old.gateway() != device.gateway()) {
            // Sessions carry the name and gateway flag they logged in with: they must log in again.
            listeners.forEach(listener -> listener.deviceInvalidated(old, false));
        }
        return Result.ok(device);
    }

    /** Deletes a device and its credentials, and ends its sessions. */
    public boolean deleteDevice(UUID id) {
        Optional<Device> device = store.findDevice(id);
        if (device.isEmpty() || !store.deleteDevice(id)) {
            return false;
        }
        listeners.forEach(listener -> listener.deviceInvalidated(device.get(), true));
        return true;
    }

    public Optional<Device> device(UUID id) {
        return store.findDevice(id);
    }

    public Optional<Device> deviceByName(String organization, String name) {
        return store.findDeviceByName(organization, name);
    }

    /** Replaces a device's credentials, and ends its sessions, which logged in with the old ones. */
    public Result<DeviceCredentials> setCredentials(UUID deviceId, CredentialsSpec spec) {
        Optional<Device> device = store.findDevice(deviceId);
        if (device.isEmpty()) {
            return Result.notFound("no device %s", deviceId);
        }
        Result<DeviceCredentials> built = CredentialsFactory.build(deviceId, spec);
        if (!built.isOk()) {
            return built;
        }
        if (!store.saveCredentials(built.value())) {
            return Result.conflict("these credentials are already used by another device");
        }
        listeners.forEach(listener -> listener.deviceInvalidated(device.get(), false));
        return built;
    }

    public Optional<DeviceCredentials> credentials(UUID deviceId) {
        return store.findCredentials(deviceId);
    }

    private static Result<String> additionalInfo(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Result.ok("{}");
        }
        Result<Json> json = JsonReader.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!json.isOk() || !(json.value() instanceof Json.Obj)) {
            return Result.fail("additionalInfo must be a JSON object");
        }
        return Result.ok(text);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
