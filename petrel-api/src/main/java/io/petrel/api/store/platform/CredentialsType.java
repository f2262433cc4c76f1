package io.petrel.api.store.platform;

/** How a device proves who it is when it connects. */
public enum CredentialsType {
    /** A token sent as the MQTT user name. */
    ACCESS_TOKEN,
    /** A client id, a user name and a password, in one of the shapes the device API allows. */
    MQTT_BASIC,
    /** A client certificate, known by its fingerprint. */
    X509_CERTIFICATE
}
