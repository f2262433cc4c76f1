package io.petrel.api.store.platform;

/** Whether and how devices of a profile may provision themselves. */
public enum ProvisionStrategy {
    /** Provisioning is off for the profile. */
    DISABLED,
    /** A provision request creates a new device of the profile, unless the name is taken. */
    ALLOW_CREATE_NEW_DEVICES,
    /** A provision request claims the credentials of a device created beforehand, once. */
    CHECK_PRE_PROVISIONED_DEVICES
}
