package io.petrel.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authorizer;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceAuthorizerTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 40_000);

    @Test
    void aDeviceMayUseItsOwnNamespaceOnlyEvenWhereEveryoneElseMayUseEverything() {
        DeviceAuthorizer authorizer = new DeviceAuthorizer(Authorizer.ALLOW_ALL);
        ClientInfo pump = client(Principal.device("pump 7", "acme", UUID.randomUUID(), false));

        assertThat(authorizer.mayPublish(pump, "device/pump 7/events")).isTrue();
        assertThat(authorizer.maySubscribe(pump, "device/pump 7/#")).isTrue();
        assertThat(authorizer.maySubscribe(pump, "device/pump 7/commands/+")).isTrue();
        assertThat(authorizer.mayPublish(pump, "device/pump 8/events")).isFalse();
        assertThat(authorizer.maySubscribe(pump, "device/+/status")).isFalse();
        assertThat(authorizer.maySubscribe(pump, "#")).isFalse();
        assertThat(authorizer.mayPublish(pump, "building/lights")).isFalse();

        ClientInfo app = client(new Principal("dashboard", "acme"));
        assertThat(authorizer.maySubscribe(app, "#")).as("others are the next authorizer's business").isTrue();
    }

    @Test
    void theRulesBehindNarrowADevicesNamespace() {
        Authorizer readOnly = new Authorizer() {
            @Override
            public boolean mayPublish(ClientInfo client, String topic) {
                return false;
            }

            @Override
            public boolean maySubscribe(ClientInfo client, String filter) {
                return true;
            }
        };
        DeviceAuthorizer authorizer = new DeviceAuthorizer(readOnly);
        ClientInfo pump = client(Principal.device("pump", "acme", UUID.randomUUID(), false));
        assertThat(authorizer.mayPublish(pump, "device/pump/events")).isFalse();
        assertThat(authorizer.maySubscribe(pump, "device/pump/#")).isTrue();
    }

    @Test
    void aProvisionOnlySessionHasNoNamespace() {
        DeviceAuthorizer authorizer = new DeviceAuthorizer(Authorizer.ALLOW_ALL);
        ClientInfo provisioning = client(Principal.provisionOnly());
        assertThat(authorizer.mayPublish(provisioning, "device/provision/x")).isFalse();
        assertThat(authorizer.maySubscribe(provisioning, "device/provision/#")).isFalse();
    }

    private static ClientInfo client(Principal principal) {
        return new ClientInfo("client", null, ADDRESS, 5, "tcp", principal);
    }
}
