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
            return Result.fail("organization '%s' already exists", id);
        }
        Organization organization = new Organization(id, name.isBlank() ? id : name.strip(), telemetryTtlMillis,
                clock.millis());
        store.saveOrganization(organization);
        createProfile(NewProfile.plain(id, DeviceProfile.DEFAULT_NAME));
        return Result.ok(organization);
    }

    /** Sets how long an organization's telemetry is kept; 0 keeps it forever. */
    public Result<Organization> setRetention(String id, long telemetryTtlMillis) {
        if (telemetryTtlMillis < 0) {
            return Result.fail("the telemetry retention must not be negative");
        }
        return store.findOrganization(id).<Result<Organization>>map(org -> {
            Organization updated = new Organization(org.id(), org.name(), telemetryTtlMillis, org.createdAtMillis());
            store.saveOrganization(updated);
            return Result.ok(updated);
        }).orElseGet(() -> Result.fail("no organization '%s'", id));
    }

    public Optional<Organization> organization(String id) {
        return store.findOrganization(id);
    }

    /** Creates a device profile. */
    public Result<DeviceProfile> createProfile(NewProfile request) {
        if (store.findOrganization(request.organization()).isEmpty()) {
            return Result.fail("no organization '%s'", request.organization());
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
                : Result.fail("the profile name '%s' or its provisioning key is already used", name.value());
    }

    public Optional<DeviceProfile> profile(UUID id) {
        return store.findProfile(id);
    }

    /** Creates a device with a generated access token. */
    public Result<Device> createDevice(NewDevice request) {
        if (store.findOrganization(request.organization()).isEmpty()) {
            return Result.fail("no organization '%s'", request.organization());
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
            return Result.fail("a device named '%s' already exists", name.value());
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
            return Result.fail("no device %s", changed.id());
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
            return Result.fail("a device named '%s' already exists", name.value());
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
            return Result.fail("no device %s", deviceId);
        }
        Result<DeviceCredentials> built = CredentialsFactory.build(deviceId, spec);
        if (!built.isOk()) {
            return built;
        }
        if (!store.saveCredentials(built.value())) {
            return Result.fail("these credentials are already used by another device");
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
