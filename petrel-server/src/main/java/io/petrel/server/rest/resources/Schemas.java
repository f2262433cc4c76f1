package io.petrel.server.rest.resources;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;

import io.petrel.server.rest.schema.Schema;

/** The named shapes the resources share, as the OpenAPI document shows them under its components. */
final class Schemas {
    static final Schema ORGANIZATION = Schema.named("Organization", "A tenant, which owns devices.", Schema.object(
            required("id", Schema.text(64), "The id: lower-case letters, digits, '_', '.' and '-'."),
            required("name", Schema.string(), "A display name."),
            required("telemetryTtlMs", Schema.integer(0, Long.MAX_VALUE),
                    "How long telemetry is kept, in milliseconds; 0 keeps it forever."),
            required("createdAt", Schema.epochMillis(), "When it was created, in epoch milliseconds.")));

    static final Schema CREDENTIALS = Schema.named("Credentials", "How a device logs in.", Schema.object(
            required("type", Schema.string().oneOf("ACCESS_TOKEN", "MQTT_BASIC", "X509_CERTIFICATE"),
                    "The kind of credentials."),
            optional("token", Schema.string(), "ACCESS_TOKEN: the token, sent as the MQTT user name."),
            optional("clientId", Schema.string(), "MQTT_BASIC: the client id the device must use."),
            optional("userName", Schema.string(), "MQTT_BASIC: the user name."),
            optional("hasPassword", Schema.bool(), "MQTT_BASIC: whether a password is set; it is never shown."),
            optional("fingerprint", Schema.string(),
                    "X509_CERTIFICATE: the SHA-256 fingerprint of the client certificate, in hex.")));

    static final Schema CREDENTIALS_REQUEST = Schema.named("CredentialsRequest",
            "New credentials for a device. Its live sessions end (MQTT 5: DISCONNECT 0x98).", Schema.object(
                    required("type", Schema.string().oneOf("ACCESS_TOKEN", "MQTT_BASIC", "X509_CERTIFICATE"),
                            "The kind of credentials."),
                    optional("token", Schema.text(1024),
                            "ACCESS_TOKEN: the token; a random one is generated when it is left out."),
                    optional("clientId", Schema.text(65_535), "MQTT_BASIC: the client id."),
                    optional("userName", Schema.text(65_535), "MQTT_BASIC: the user name."),
                    optional("password", Schema.text(65_535), "MQTT_BASIC: the password; stored hashed."),
                    optional("fingerprint", Schema.string(),
                            "X509_CERTIFICATE: the SHA-256 fingerprint of the DER certificate, 64 hex digits.")));

    static final Schema DEVICE = Schema.named("Device", "A registered device.", Schema.object(
            required("id", Schema.uuid(), "The device's id."),
            required("organization", Schema.string(), "The organization that owns it."),
            required("name", Schema.string(), "The name, unique in the organization; it names its topics."),
            required("type", Schema.string(), "A free label, by default the profile's name."),
            required("profile", Schema.string(), "The name of its device profile."),
            required("profileId", Schema.uuid(), "The id of its device profile."),
            required("gateway", Schema.bool(), "Whether it is a gateway."),
            required("additionalInfo", Schema.map(Schema.any()), "Further settings."),
            required("createdAt", Schema.epochMillis(), "When it was created, in epoch milliseconds."),
            optional("credentials", CREDENTIALS, "Its credentials, in the answer to its creation.")));

    static final Schema TS_VALUE = Schema.named("TsValue", "A value at a time.", Schema.object(
            required("ts", Schema.epochMillis(), "The time, in epoch milliseconds."),
            required("value", Schema.any(), "The value, with its stored type.")));

    static final Schema TIME_SERIES = Schema.named("TimeSeries", "Values of each requested key, by key.",
            Schema.map(Schema.array(TS_VALUE)));

    static final Schema ATTRIBUTE = Schema.named("Attribute", "An attribute of a device.", Schema.object(
            required("key", Schema.string(), "The attribute's name."),
            required("value", Schema.any(), "The value, with its stored type."),
            required("lastUpdateTs", Schema.epochMillis(), "When it was last written, in epoch milliseconds.")));

    static final Schema DELETED = Schema.named("Deleted", "What a deletion removed.", Schema.object(
            required("deleted", Schema.array(Schema.string()), "The keys that existed and are gone.")));

    private Schemas() {
    }
}
