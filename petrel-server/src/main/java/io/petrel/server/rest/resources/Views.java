package io.petrel.server.rest.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.DeviceCredentials;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.Organization;
import io.petrel.platform.Result;
import io.petrel.platform.registry.MqttBasicValue;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON forms of the platform's records, as the schemas of {@link Schemas} describe them. */
final class Views {
    private Views() {
    }

    record OrganizationView(String id, String name, long telemetryTtlMs, long createdAt) {
        static OrganizationView of(Organization org) {
            return new OrganizationView(org.id(), org.name(), org.telemetryTtlMillis(), org.createdAtMillis());
        }
    }

    record CredentialsView(String type, @Nullable String token, @Nullable String clientId,
            @Nullable String userName, @Nullable Boolean hasPassword, @Nullable String fingerprint) {
        static CredentialsView of(DeviceCredentials credentials) {
            return switch (credentials.type()) {
                case ACCESS_TOKEN -> new CredentialsView("ACCESS_TOKEN", credentials.value(), null, null, null, null);
                case X509_CERTIFICATE -> new CredentialsView("X509_CERTIFICATE", null, null, null, null,
                        credentials.value());
                case MQTT_BASIC -> {
                    Result<MqttBasicValue> basic = MqttBasicValue.fromJson(credentials.value());
                    if (!basic.isOk()) {
                        throw new IllegalStateException("stored credentials of device " + credentials.deviceId()
                                + " are unreadable: " + basic.problem().message());
                    }
                    MqttBasicValue value = basic.value();
                    yield new CredentialsView("MQTT_BASIC", null, value.clientId(), value.userName(),
                            value.passwordHash() != null, null);
                }
            };
        }
    }

    record DeviceView(UUID id, String organization, String name, String type, String profile, UUID profileId,
            boolean gateway, JsonNode additionalInfo, long createdAt, @Nullable CredentialsView credentials) {
    }

    static DeviceView device(Device device, String profileName, @Nullable DeviceCredentials credentials,
            ObjectMapper mapper) {
        return new DeviceView(device.id(), device.organization(), device.name(), device.type(), profileName,
                device.profileId(), device.gateway(), json(device.additionalInfo(), mapper), device.createdAtMillis(),
                credentials == null ? null : CredentialsView.of(credentials));
    }

    record TsValue(long ts, JsonNode value) {
    }

    record AttributeView(String key, JsonNode value, long lastUpdateTs) {
    }

    /** A stored value as JSON, with its type: LONG an integer, DOUBLE a number, JSON embedded. */
    static JsonNode value(KvValue value, ObjectMapper mapper) {
        return switch (value) {
            case KvValue.BooleanValue v -> BooleanNode.valueOf(v.value());
            case KvValue.LongValue v -> LongNode.valueOf(v.value());
            case KvValue.DoubleValue v -> DoubleNode.valueOf(v.value());
            case KvValue.StringValue v -> TextNode.valueOf(v.value());
            case KvValue.JsonValue v -> json(v.text(), mapper);
        };
    }

    /** JSON text that the platform stored, which is valid JSON. */
    static JsonNode json(String text, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
