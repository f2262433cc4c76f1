package io.petrel.api;

import io.petrel.api.auth.TopicScope;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated identity and the organization it belongs to.
 *
 * <p>Every principal lives in exactly one organization, whose topic space it sees as its own: a client of
 * organization {@code acme} that publishes to {@code a/b} publishes into acme's namespace (see
 * {@link io.petrel.api.topic.Namespace}). An operator principal sees the broker's whole topic tree and may
 * cross organizations explicitly.
 *
 * @param name the identity's name: a user name, a token subject, a device name, or {@code anonymous}
 * @param organization the organization whose topic space the identity lives in
 * @param operator whether the identity may reach every organization's topics
 * @param scope the topic filters a scoped credential (an org token) allows, or null when only ACL rules apply
 * @param credentialId the id of the credential used, such as a token id, by which it can be revoked; or null
 * @param expiresAtMillis when the credential expires, in epoch milliseconds, or {@link #NO_EXPIRY}; a live
 *     connection ends at that time
 * @param device the device behind the identity when it logged in with device credentials, else null
 */
public record Principal(
        String name,
        String organization,
        boolean operator,
        @Nullable TopicScope scope,
        @Nullable String credentialId,
        long expiresAtMillis,
        @Nullable DeviceIdentity device) {

    /** The organization of a single-tenant install. */
    public static final String DEFAULT_ORGANIZATION = "default";

    /** The value of {@link #expiresAtMillis()} for a credential that never expires. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    /** The identity of a client that connected without credentials where that is allowed. */
    public static final Principal ANONYMOUS = new Principal("anonymous", DEFAULT_ORGANIZATION);

    /** The name of a provision-only session, which is also the user name or client id it connects with. */
    public static final String PROVISION = "provision";

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organization, "organization");
    }

    /** An identity that is no device. */
    public Principal(String name, String organization, boolean operator, @Nullable TopicScope scope,
            @Nullable String credentialId, long expiresAtMillis) {
        this(name, organization, operator, scope, credentialId, expiresAtMillis, null);
    }

    /** An ordinary identity of an organization, without scope or expiry. */
    public Principal(String name, String organization) {
        this(name, organization, false, null, null, NO_EXPIRY, null);
    }

    /** A registered device of an organization. */
    public static Principal device(String deviceName, String organization, UUID deviceId, boolean gateway) {
        return new Principal(deviceName, organization, false, null, null, NO_EXPIRY,
                DeviceIdentity.of(deviceId, gateway));
    }

    /**
     * A provision-only session. It belongs to no organization until a device profile's provisioning key
     * names one, so it carries the default organization and may do nothing but ask to be provisioned.
     */
    public static Principal provisionOnly() {
        return new Principal(PROVISION, DEFAULT_ORGANIZATION, false, null, null, NO_EXPIRY,
                DeviceIdentity.provisionOnly());
    }

    /** Whether the credential behind this identity expires. */
    public boolean expires() {
        return expiresAtMillis != NO_EXPIRY;
    }

    /** Whether the identity logged in with device credentials, or as a provision-only session. */
    public boolean isDevice() {
        return device != null;
    }

    /** A copy that may reach every organization. */
    public Principal asOperator() {
        return new Principal(name, organization, true, scope, credentialId, expiresAtMillis, device);
    }
}
