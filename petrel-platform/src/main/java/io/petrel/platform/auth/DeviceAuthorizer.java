package io.petrel.platform.auth;

import io.petrel.api.ClientInfo;
import io.petrel.api.DeviceIdentity;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.topic.Topics;

/**
 * Stands in front of the broker's authorizer for sessions that logged in with device credentials. The device
 * API's topics are the platform's and never reach an authorizer; beyond them a device may use its own
 * namespace {@code device/{its name}/...} and nothing else, and there only what the authorizer behind allows
 * too: an ACL narrows a device's namespace, it does not widen it. So a device whose token leaks can read no
 * other device's data, even on a server without ACL rules, where every other client may use every topic of its
 * organization. A provision-only session has no namespace. Everyone else is the authorizer behind's business.
 */
public final class DeviceAuthorizer implements Authorizer {
    private static final String NAMESPACE = "device/";

    private final Authorizer next;

    /** @param next the authorizer every client passes, devices within their namespace too */
    public DeviceAuthorizer(Authorizer next) {
        this.next = next;
    }

    @Override
    public boolean mayPublish(ClientInfo client, String topic) {
        Principal principal = client.principal();
        DeviceIdentity device = principal.device();
        if (device == null) {
            return next.mayPublish(client, topic);
        }
        return !device.isProvisionOnly() && topic.startsWith(namespace(principal))
                && next.mayPublish(client, topic);
    }

    @Override
    public boolean maySubscribe(ClientInfo client, String filter) {
        Principal principal = client.principal();
        DeviceIdentity device = principal.device();
        if (device == null) {
            return next.maySubscribe(client, filter);
        }
        return !device.isProvisionOnly() && Topics.covers(namespace(principal) + "#", filter)
                && next.maySubscribe(client, filter);
    }

    private static String namespace(Principal principal) {
        return NAMESPACE + principal.name() + "/";
    }
}
