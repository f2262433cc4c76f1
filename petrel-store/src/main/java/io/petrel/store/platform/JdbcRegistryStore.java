package io.petrel.store.platform;

import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.Organization;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.api.store.platform.RegistryStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The registry in SQL. Uniqueness is checked inside the writer's transaction before each write, so that a
 * clash is a {@code false} rather than a failed commit; the unique constraints back the checks up for servers
 * that share a database.
 */
final class JdbcRegistryStore implements RegistryStore {
    private static final String ORGANIZATION = "SELECT id, name, telemetry_ttl_ms, created_at FROM organizations";
    private static final String PROFILE = "SELECT id, organization, name, payload_type, provision_strategy, "
            + "provision_key, provision_secret, created_at FROM device_profiles";
    private static final String DEVICE = "SELECT id, organization, name, type, profile_id, gateway, "
            + "additional_info, created_at FROM devices";
    private static final String CREDENTIALS = "SELECT device_id, type, lookup_key, value FROM device_credentials";

    private final PlatformDatabase db;
    private final Dialect dialect;

    JdbcRegistryStore(PlatformDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    @Override
    public Optional<Organization> findOrganization(String id) {
        return first(db.read(c -> Sql.list(c, ORGANIZATION + " WHERE id = ?", s -> s.setString(1, id),
                JdbcRegistryStore::organization)));
    }

    @Override
    public List<Organization> listOrganizations() {
        return db.read(c -> Sql.list(c, ORGANIZATION + " ORDER BY id", s -> { }, JdbcRegistryStore::organization));
    }

    @Override
    public void saveOrganization(Organization organization) {
        db.write(tx -> {
            tx.write("INSERT INTO organizations (id, name, telemetry_ttl_ms, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    + "telemetry_ttl_ms = excluded.telemetry_ttl_ms, created_at = excluded.created_at", s -> {
                        s.setString(1, organization.id());
                        s.setString(2, organization.name());
                        s.setLong(3, organization.telemetryTtlMillis());
                        s.setLong(4, organization.createdAtMillis());
                    });
            return null;
        });
    }

    @Override
    public boolean deleteOrganization(String id) {
        return db.write(tx -> {
            if (Sql.exists(tx, "SELECT 1 FROM devices WHERE organization = ?", s -> s.setString(1, id))
                    || !Sql.exists(tx, "SELECT 1 FROM organizations WHERE id = ?", s -> s.setString(1, id))) {
                return false;
            }
            tx.write("DELETE FROM device_profiles WHERE organization = ?", s -> s.setString(1, id));
            tx.write("DELETE FROM organizations WHERE id = ?", s -> s.setString(1, id));
            return true;
        });
    }

    @Override
    public Optional<DeviceProfile> findProfile(UUID id) {
        return first(db.read(c -> Sql.list(c, PROFILE + " WHERE id = ?", s -> dialect.setUuid(s, 1, id),
                this::profile)));
    }

    @Override
    public Optional<DeviceProfile> findProfileByName(String organization, String name) {
        return first(db.read(c -> Sql.list(c, PROFILE + " WHERE organization = ? AND name = ?", s -> {
            s.setString(1, organization);
            s.setString(2, name);
        }, this::profile)));
    }

    @Override
    public Optional<DeviceProfile> findProfileByProvisionKey(String provisionKey) {
        return first(db.read(c -> Sql.list(c, PROFILE + " WHERE provision_key = ?", s -> s.setString(1, provisionKey),
                this::profile)));
    }

    @Override
    public List<DeviceProfile> listProfiles(String organization) {
        return db.read(c -> Sql.list(c, PROFILE + " WHERE organization = ? ORDER BY name",
                s -> s.setString(1, organization), this::profile));
    }

    @Override
    public boolean saveProfile(DeviceProfile profile) {
        return db.write(tx -> {
            List<UUID> clashes = Sql.list(tx, "SELECT id FROM device_profiles WHERE (organization = ? AND name = ?) "
                    + "OR provision_key = ?", s -> {
                        s.setString(1, profile.organization());
                        s.setString(2, profile.name());
                        s.setString(3, profile.provisionKey());
                    }, rows -> dialect.getUuid(rows, 1));
            if (clashes.stream().anyMatch(id -> !id.equals(profile.id()))) {
                return false;
            }
            tx.write("INSERT INTO device_profiles (id, organization, name, payload_type, provision_strategy, "
                    + "provision_key, provision_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET organization = excluded.organization, name = excluded.name, "
                    + "payload_type = excluded.payload_type, provision_strategy = excluded.provision_strategy, "
                    + "provision_key = excluded.provision_key, provision_secret = excluded.provision_secret, "
                    + "created_at = excluded.created_at", s -> {
                        dialect.setUuid(s, 1, profile.id());
                        s.setString(2, profile.organization());
                        s.setString(3, profile.name());
                        s.setString(4, profile.payloadType().name());
                        s.setString(5, profile.provisionStrategy().name());
                        s.setString(6, profile.provisionKey());
                        s.setString(7, profile.provisionSecret());
                        s.setLong(8, profile.createdAtMillis());
                    });
            return true;
        });
    }

    @Override
    public boolean deleteProfile(UUID id) {
        return db.write(tx -> {
            if (Sql.exists(tx, "SELECT 1 FROM devices WHERE profile_id = ?", s -> dialect.setUuid(s, 1, id))
                    || !Sql.exists(tx, "SELECT 1 FROM device_profiles WHERE id = ?", s -> dialect.setUuid(s, 1, id))) {
                return false;
            }
            tx.write("DELETE FROM device_profiles WHERE id = ?", s -> dialect.setUuid(s, 1, id));
            return true;
        });
    }

    @Override
    public Optional<Device> findDevice(UUID id) {
        return first(db.read(c -> Sql.list(c, DEVICE + " WHERE id = ?", s -> dialect.setUuid(s, 1, id),
                this::device)));
    }

    @Override
    public Optional<Device> findDeviceByName(String organization, String name) {
        return first(db.read(c -> Sql.list(c, DEVICE + " WHERE organization = ? AND name = ?", s -> {
            s.setString(1, organization);
            s.setString(2, name);
        }, this::device)));
    }

    @Override
    public List<Device> listDevices(String organization, @Nullable String afterName, int limit) {
        return db.read(c -> Sql.list(c, DEVICE + " WHERE organization = ? AND name > ? ORDER BY name LIMIT ?", s -> {
            s.setString(1, organization);
            s.setString(2, afterName == null ? "" : afterName);
            s.setInt(3, limit);
        }, this::device));
    }

    @Override
    public long countDevices(String organization) {
        return db.read(c -> Sql.list(c, "SELECT COUNT(*) FROM devices WHERE organization = ?",
                s -> s.setString(1, organization), rows -> rows.getLong(1))).get(0);
    }

    @Override
    public boolean saveDevice(Device device) {
        return db.write(tx -> {
            List<UUID> named = Sql.list(tx, "SELECT id FROM devices WHERE organization = ? AND name = ?", s -> {
                s.setString(1, device.organization());
                s.setString(2, device.name());
            }, rows -> dialect.getUuid(rows, 1));
            if (named.stream().anyMatch(id -> !id.equals(device.id()))) {
                return false;
            }
            tx.write("INSERT INTO devices (id, organization, name, type, profile_id, gateway, additional_info, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    + "organization = excluded.organization, name = excluded.name, type = excluded.type, "
                    + "profile_id = excluded.profile_id, gateway = excluded.gateway, "
                    + "additional_info = excluded.additional_info, created_at = excluded.created_at", s -> {
                        dialect.setUuid(s, 1, device.id());
                        s.setString(2, device.organization());
                        s.setString(3, device.name());
                        s.setString(4, device.type());
                        dialect.setUuid(s, 5, device.profileId());
                        s.setInt(6, device.gateway() ? 1 : 0);
                        s.setString(7, device.additionalInfo());
                        s.setLong(8, device.createdAtMillis());
                    });
            return true;
        });
    }

    @Override
    public boolean deleteDevice(UUID id) {
        return db.write(tx -> {
            if (!Sql.exists(tx, "SELECT 1 FROM devices WHERE id = ?", s -> dialect.setUuid(s, 1, id))) {
                return false;
            }
            tx.write("DELETE FROM device_credentials WHERE device_id = ?", s -> dialect.setUuid(s, 1, id));
            tx.write("DELETE FROM devices WHERE id = ?", s -> dialect.setUuid(s, 1, id));
            return true;
        });
    }

    @Override
    public Optional<DeviceCredentials> findCredentialsByKey(String lookupKey) {
        return first(db.read(c -> Sql.list(c, CREDENTIALS + " WHERE lookup_key = ?", s -> s.setString(1, lookupKey),
                this::credentials)));
    }

    @Override
    public Optional<DeviceCredentials> findCredentials(UUID deviceId) {
        return first(db.read(c -> Sql.list(c, CREDENTIALS + " WHERE device_id = ?",
                s -> dialect.setUuid(s, 1, deviceId), this::credentials)));
    }

    @Override
    public boolean saveCredentials(DeviceCredentials credentials) {
        return db.write(tx -> {
            List<UUID> holders = Sql.list(tx, "SELECT device_id FROM device_credentials WHERE lookup_key = ?",
                    s -> s.setString(1, credentials.lookupKey()), rows -> dialect.getUuid(rows, 1));
            if (holders.stream().anyMatch(id -> !id.equals(credentials.deviceId()))) {
                return false;
            }
            tx.write("INSERT INTO device_credentials (device_id, type, lookup_key, value) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (device_id) DO UPDATE SET type = excluded.type, lookup_key = excluded.lookup_key, "
                    + "value = excluded.value", s -> {
                        dialect.setUuid(s, 1, credentials.deviceId());
                        s.setString(2, credentials.type().name());
                        s.setString(3, credentials.lookupKey());
                        s.setString(4, credentials.value());
                    });
            return true;
        });
    }

    private static Organization organization(ResultSet rows) throws SQLException {
        return new Organization(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4));
    }

    private DeviceProfile profile(ResultSet rows) throws SQLException {
        return new DeviceProfile(dialect.getUuid(rows, 1), rows.getString(2), rows.getString(3),
                PayloadType.valueOf(rows.getString(4)), ProvisionStrategy.valueOf(rows.getString(5)),
                rows.getString(6), rows.getString(7), rows.getLong(8));
    }

    private Device device(ResultSet rows) throws SQLException {
        return new Device(dialect.getUuid(rows, 1), rows.getString(2), rows.getString(3), rows.getString(4),
                dialect.getUuid(rows, 5), rows.getInt(6) != 0, rows.getString(7), rows.getLong(8));
    }

    private DeviceCredentials credentials(ResultSet rows) throws SQLException {
        return new DeviceCredentials(dialect.getUuid(rows, 1), CredentialsType.valueOf(rows.getString(2)),
                rows.getString(3), rows.getString(4));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
