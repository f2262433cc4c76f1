package io.petrel.store.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.api.store.platform.SortOrder;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.api.store.platform.TsPoint;
import java.util.List;
import java.util.UUID;

/** One of each record the platform stores, written and then looked for, as a restart test needs. */
public final class PlatformFixtures {
    /**
     * What {@link #writeEverything} wrote.
     *
     * @param profile the profile
     * @param device the device
     * @param key the API key
     */
    public record Written(DeviceProfile profile, Device device, ApiKey key) {
    }

    private PlatformFixtures() {
    }

    public static Written writeEverything(PlatformDatabase db) {
        db.registry().saveOrganization(new Organization("acme", "Acme", 86_400_000, 1));
        DeviceProfile profile = new DeviceProfile(UUID.randomUUID(), "acme", "pumps", PayloadType.JSON,
                ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "key", "secret", 2);
        db.registry().saveProfile(profile);
        Device device = new Device(UUID.randomUUID(), "acme", "pump-1", "pump", profile.id(), true, "{\"a\":1}", 3);
        db.registry().saveDevice(device);
        db.registry().saveCredentials(new DeviceCredentials(device.id(), CredentialsType.ACCESS_TOKEN, "u:T", "T"));
        db.attributes().save(device.id(), AttributeScope.SHARED, List.of(new AttributeEntry("mode", KvValue.of("eco"),
                4)));
        db.telemetry().append(List.of(new TsPoint(device.id(), 10, "temp", KvValue.of(21.5)),
                new TsPoint(device.id(), 20, "temp", KvValue.of(22L))));
        ApiKey key = new ApiKey("k1", "ingest", "acme", "hash", "admin", 5);
        db.apiKeys().create(key);
        return new Written(profile, device, key);
    }

    public static void assertEverythingIsThere(PlatformDatabase db, Written written) {
        UUID id = written.device().id();
        assertThat(db.registry().findOrganization("acme")).contains(new Organization("acme", "Acme", 86_400_000, 1));
        assertThat(db.registry().findProfileByProvisionKey("key")).contains(written.profile());
        assertThat(db.registry().findDevice(id)).contains(written.device());
        assertThat(db.registry().findCredentialsByKey("u:T").orElseThrow().deviceId()).isEqualTo(id);
        assertThat(db.attributes().find(id, AttributeScope.SHARED))
                .containsExactly(new AttributeEntry("mode", KvValue.of("eco"), 4));
        assertThat(db.telemetry().range(id, "temp", 0, 100, 10, SortOrder.ASCENDING))
                .containsExactly(new TsEntry(10, "temp", KvValue.of(21.5)), new TsEntry(20, "temp", KvValue.of(22L)));
        assertThat(db.telemetry().latest(id)).containsExactly(new TsEntry(20, "temp", KvValue.of(22L)));
        assertThat(db.apiKeys().find("k1")).contains(written.key());
    }
}
