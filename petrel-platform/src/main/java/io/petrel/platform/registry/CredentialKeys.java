package io.petrel.platform.registry;

/**
 * The lookup keys that CONNECTs are matched against (device-api.md §1.2). Access tokens and user-name-only
 * basic credentials share one key space, so that a user name can never equal another device's token. A
 * client id and user name pair is keyed with the client id's length, so that no two pairs collide.
 */
public final class CredentialKeys {
    private CredentialKeys() {
    }

    /** The key of an access token, or of a basic credential with a user name only. */
    public static String userName(String tokenOrUserName) {
        return "u:" + tokenOrUserName;
    }

    /** The key of a basic credential with a client id only. */
    public static String clientId(String clientId) {
        return "c:" + clientId;
    }

    /** The key of a basic credential with both a client id and a user name. */
    public static String pair(String clientId, String userName) {
        return "cu:" + clientId.length() + ":" + clientId + ":" + userName;
    }

    /** The key of a certificate fingerprint. */
    public static String certificate(String fingerprint) {
        return "x509:" + fingerprint;
    }
}
