package io.petrel.platform.auth;

import io.petrel.api.Principal;

/** What device credentials in a CONNECT came to. */
public sealed interface DeviceLogin {

    /**
     * The credentials belong to a device, or the session is provision-only.
     *
     * @param principal the device's principal, carrying its {@link io.petrel.api.DeviceIdentity}
     */
    record Accepted(Principal principal) implements DeviceLogin {
    }

    /**
     * The credentials are a device's, but wrong: the password does not match.
     *
     * @param reason a description for logs
     */
    record Refused(String reason) implements DeviceLogin {
    }

    /**
     * No device has these credentials; another authenticator of the chain may know them.
     *
     * @param identifierRejected whether the CONNECT had no user name, so that only its client id was looked
     *     up: the device API refuses it with "client identifier not valid" (v3 code 2, v5 0x85)
     */
    record Unknown(boolean identifierRejected) implements DeviceLogin {
    }

    /**
     * The registry could not be asked.
     *
     * @param failure what went wrong
     */
    record Unavailable(Throwable failure) implements DeviceLogin {
    }
}
