package io.petrel.security.acl;

import static io.petrel.security.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.TopicScope;
import io.petrel.security.SecurityMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class AclAuthorizerTest {
    private static final String FILE = """
            # Mosquitto's format
            topic read $SYS/#
            topic read public/#

            user alice
            topic readwrite home/alice/#
            topic deny home/alice/secret

            pattern write sensors/%u/#
            pattern read clients/%c/#

            # Petrel's additions
            org acme
            allow subscribe device/+/status
            allow both device/+/telemetry/#
            deny publish device/+/telemetry/forbidden
            """;

    private final SecurityMetrics metrics = new SecurityMetrics();
    private final List<AclRule> rules = AclFile.parse(FILE);
    private final AclAuthorizer authorizer = new AclAuthorizer(() -> rules, metrics);

    private final ClientInfo alice = client("alice-phone", "alice", new Principal("alice", "default"));
    private final ClientInfo anonymous = client("anon-1", null, Principal.ANONYMOUS);
    private final ClientInfo acme = client("dash", "app", new Principal("app", "acme"));

    @Test
    void topicLinesBeforeAnyUserApplyToAnonymousClientsOnly() {
        assertThat(authorizer.maySubscribe(anonymous, "public/news")).isTrue();
        assertThat(authorizer.maySubscribe(anonymous, "$SYS/broker/uptime")).isTrue();
        assertThat(authorizer.maySubscribe(alice, "public/news")).isFalse();
        assertThat(authorizer.mayPublish(anonymous, "public/news")).isFalse();
    }

    @Test
    void userSectionsWithReadWriteAndDeny() {
        assertThat(authorizer.mayPublish(alice, "home/alice/lamp")).isTrue();
        assertThat(authorizer.maySubscribe(alice, "home/alice/lamp/#")).isTrue();
        assertThat(authorizer.mayPublish(alice, "home/alice/secret")).isFalse();
        // A deny rule that overlaps a wide filter refuses the whole filter: nothing is trimmed at delivery.
        assertThat(authorizer.maySubscribe(alice, "home/alice/#")).isFalse();
        assertThat(authorizer.maySubscribe(alice, "home/alice/+")).isFalse();
        assertThat(authorizer.mayPublish(alice, "home/bob/lamp")).isFalse();
        assertThat(metrics.get("denied_publish_acl")).isEqualTo(2);
    }

    @Test
    void patternsFillUserNameAndClientId() {
        assertThat(authorizer.mayPublish(alice, "sensors/alice/temp")).isTrue();
        assertThat(authorizer.mayPublish(alice, "sensors/bob/temp")).isFalse();
        assertThat(authorizer.maySubscribe(alice, "clients/alice-phone/#")).isTrue();
        assertThat(authorizer.maySubscribe(alice, "clients/other/#")).isFalse();
        // %u without a user name matches nothing.
        assertThat(authorizer.mayPublish(anonymous, "sensors/anonymous/temp")).isFalse();
    }

    @Test
    void aClientIdWithWildcardsCannotWidenAPattern() {
        ClientInfo sneaky = client("#", "mallory", new Principal("mallory", "default"));
        assertThat(authorizer.maySubscribe(sneaky, "clients/#")).isFalse();
        assertThat(authorizer.maySubscribe(sneaky, "clients/x/y")).isFalse();
    }

    @Test
    void organizationSectionsWithPetrelRules() {
        assertThat(authorizer.maySubscribe(acme, "device/+/status")).isTrue();
        assertThat(authorizer.maySubscribe(acme, "device/d1/status")).isTrue();
        assertThat(authorizer.mayPublish(acme, "device/d1/status")).isFalse();
        assertThat(authorizer.mayPublish(acme, "device/d1/telemetry/temp")).isTrue();
        assertThat(authorizer.mayPublish(acme, "device/d1/telemetry/forbidden")).isFalse();
        assertThat(authorizer.maySubscribe(acme, "device/d1/telemetry/forbidden")).isTrue();
    }

    @Test
    void aFilterWiderThanWhatIsAllowedIsRefused() {
        assertThat(authorizer.maySubscribe(acme, "#")).isFalse();
        assertThat(authorizer.maySubscribe(acme, "device/#")).isFalse();
        assertThat(authorizer.maySubscribe(acme, "device/+/+")).isFalse();
        assertThat(metrics.get("denied_subscribe_acl")).isEqualTo(3);
    }

    @Test
    void aTokenScopeNarrowsTheRulesAndNeverWidensThem() {
        TopicScope scope = new TopicScope(List.of("device/+/telemetry/#"), List.of("device/+/status", "other/#"));
        ClientInfo token = client("t1", "eyJ...", new Principal("app", "acme", false, scope, "jti-1", 0));

        assertThat(authorizer.maySubscribe(token, "device/+/status")).isTrue();
        assertThat(authorizer.maySubscribe(token, "device/+/telemetry/#")).isFalse();
        assertThat(authorizer.maySubscribe(token, "other/x")).isFalse();
        assertThat(authorizer.mayPublish(token, "device/d1/telemetry/t")).isTrue();
        assertThat(metrics.get("denied_subscribe_scope")).isEqualTo(1);
        assertThat(metrics.get("denied_subscribe_acl")).isEqualTo(1);
    }

    @Test
    void withoutRulesOnlyTheScopeDecides() {
        AclAuthorizer open = new AclAuthorizer(List::of, metrics);
        TopicScope scope = new TopicScope(List.of(), List.of("device/+/status"));
        ClientInfo token = client("t1", "eyJ...", new Principal("app", "acme", false, scope, "jti-1", 0));

        assertThat(open.mayPublish(alice, "anything/at/all")).isTrue();
        assertThat(open.maySubscribe(token, "device/+/status")).isTrue();
        assertThat(open.maySubscribe(token, "#")).isFalse();
        assertThat(open.mayPublish(token, "device/d1/status")).isFalse();
    }

    @Test
    void operatorsMayDoAnything() {
        ClientInfo operator = client("ops", "root", new Principal("root", "default").asOperator());
        assertThat(authorizer.maySubscribe(operator, "#")).isTrue();
        assertThat(authorizer.mayPublish(operator, "home/alice/secret")).isTrue();
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> AclFile.parse("user bob\ntopic readwrite a/#/b"))
                .hasMessageContaining("line 2").hasMessageContaining("invalid topic filter");
        assertThatThrownBy(() -> AclFile.parse("allow sometimes a/b")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> AclFile.parse("grant a/b")).hasMessageContaining("unknown keyword");
    }
}
