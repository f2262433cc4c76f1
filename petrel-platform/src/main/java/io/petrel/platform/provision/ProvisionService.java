package io.petrel.platform.provision;

import io.petrel.api.store.platform.AttributeEntry;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.AttributeStore;
import io.petrel.api.store.platform.CredentialsType;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.DeviceProfile;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.platform.Result;
import io.petrel.platform.json.JsonWriter;
import io.petrel.platform.registry.CredentialsFactory;
import io.petrel.platform.registry.CredentialsSpec;
import io.petrel.platform.registry.MqttBasicValue;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.Registry;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers provision requests (device-api.md §12) with the JSON the device gets on {@code /provision/response}.
 * Calls block on the stores: callers run it off event loops.
 */
public final class ProvisionService {
    /** The server attribute that marks a device as provisioned. */
    public static final String PROVISION_STATE = "provisionState";

    private static final byte[] NOT_FOUND = failure("Provision data was not found!", "NOT_FOUND");
    private static final byte[] FAILURE = failure("Failed to provision device!", "FAILURE");

    private final Registry registry;
    private final AttributeStore attributes;
    private final InstantSource clock;

    public ProvisionService(Registry registry, AttributeStore attributes, InstantSource clock) {
        this.registry = registry;
        this.attributes = attributes;
        this.clock = clock;
    }

    /** The answer to a request. */
    public byte[] provision(ProvisionRequest request) {
        if (request.key() == null || request.secret() == null) {
            return NOT_FOUND;
        }
        Optional<DeviceProfile> profile = registry.store().findProfileByProvisionKey(request.key());
        if (profile.isEmpty() || profile.get().provisionStrategy() == ProvisionStrategy.DISABLED
                || !request.secret().equals(profile.get().provisionSecret())) {
            return NOT_FOUND;
        }
        String name = request.deviceName() == null ? CredentialsFactory.randomToken() : request.deviceName().strip();
        if (name.isEmpty()) {
            return FAILURE;
        }
        return profile.get().provisionStrategy() == ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES
                ? create(profile.get(), name, request)
                : preProvisioned(profile.get(), name);
    }

    private byte[] create(DeviceProfile profile, String name, ProvisionRequest request) {
        Result<CredentialsSpec> spec = spec(request);
        if (!spec.isOk() || registry.deviceByName(profile.organization(), name).isPresent()) {
            return FAILURE;
        }
        Result<Device> device = registry.createDevice(new NewDevice(profile.organization(), name, profile.name(),
                null, request.gateway(), null));
        if (!device.isOk()) {
            return FAILURE;
        }
        Result<DeviceCredentials> credentials = registry.setCredentials(device.value().id(), spec.value());
        if (!credentials.isOk()) {
            // A token already used by another device: the new device must not stay behind without them.
            registry.deleteDevice(device.value().id());
            return FAILURE;
        }
        markProvisioned(device.value());
        return success(credentials.value(), request.password());
    }

    private byte[] preProvisioned(DeviceProfile profile, String name) {
        Optional<Device> device = registry.deviceByName(profile.organization(), name);
        if (device.isEmpty() || !device.get().profileId().equals(profile.id())
                || !attributes.find(device.get().id(), AttributeScope.SERVER, List.of(PROVISION_STATE)).isEmpty()) {
            return FAILURE;
        }
        Optional<DeviceCredentials> credentials = registry.credentials(device.get().id());
        if (credentials.isEmpty()) {
            return FAILURE;
        }
        markProvisioned(device.get());
        return success(credentials.get(), null);
    }

    private void markProvisioned(Device device) {
        attributes.save(device.id(), AttributeScope.SERVER,
                List.of(new AttributeEntry(PROVISION_STATE, KvValue.of("provisioned"), clock.millis())));
    }

    private static Result<CredentialsSpec> spec(ProvisionRequest request) {
        return switch (request.credentialsType()) {
            case "ACCESS_TOKEN" -> Result.ok(new CredentialsSpec.AccessToken(
                    request.token() == null ? CredentialsFactory.randomToken() : request.token()));
            case "MQTT_BASIC" -> Result.ok(new CredentialsSpec.MqttBasic(request.clientId(), request.username(),
                    request.password()));
            case "X509_CERTIFICATE" -> request.hash() == null ? Result.fail("no hash")
                    : Result.ok(new CredentialsSpec.X509(request.hash()));
            default -> Result.fail("unknown credentials type");
        };
    }

    /**
     * The success answer. Passwords are stored hashed, so an MQTT basic password is returned only when the
     * request just set it.
     */
    private static byte[] success(DeviceCredentials credentials, @Nullable String password) {
        return JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeStringField("credentialsType", credentials.type().name());
            if (credentials.type() == CredentialsType.MQTT_BASIC) {
                MqttBasicValue basic = MqttBasicValue.fromJson(credentials.value()).value();
                out.writeObjectFieldStart("credentialsValue");
                out.writeStringField("clientId", basic.clientId());
                out.writeStringField("userName", basic.userName());
                out.writeStringField("password", password);
                out.writeEndObject();
            } else {
                out.writeStringField("credentialsValue", credentials.value());
            }
            out.writeStringField("status", "SUCCESS");
            out.writeEndObject();
        });
    }

    private static byte[] failure(String message, String status) {
        return JsonWriter.bytes(out -> {
            out.writeStartObject();
            out.writeStringField("errorMsg", message);
            out.writeStringField("status", status);
            out.writeEndObject();
        });
    }
}
