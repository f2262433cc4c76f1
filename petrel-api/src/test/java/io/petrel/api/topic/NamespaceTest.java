package io.petrel.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.api.Principal;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    private final Namespace root = Namespace.organization(Principal.DEFAULT_ORGANIZATION);
    private final Namespace acme = Namespace.organization("acme");
    private final Namespace operator = Namespace.of(new Principal("ops", "default").asOperator());

    @Test
    void theDefaultOrganizationIsMountedAtTheRootAndCostsNothing() {
        assertThat(root.isRoot()).isTrue();
        assertThat(root.topicIn("a/b")).isSameAs("a/b");
        assertThat(root.filterIn("#")).isEqualTo("#");
        assertThat(root.topicOut("a/b")).isEqualTo("a/b");
    }

    @Test
    void anotherOrganizationIsMountedUnderItsPrefixBothWays() {
        assertThat(acme.topicIn("a/b")).isEqualTo("$org/acme/a/b");
        assertThat(acme.filterIn("#")).isEqualTo("$org/acme/#");
        assertThat(acme.filterIn("+/#")).isEqualTo("$org/acme/+/#");
        assertThat(acme.topicOut("$org/acme/a/b")).isEqualTo("a/b");
    }

    @Test
    void aMountedClientCannotNameAnotherOrganization() {
        assertThat(acme.topicIn("$org/beta/x")).isEqualTo("$org/acme/$org/beta/x");
        assertThat(acme.filterIn("$org/beta/#")).isEqualTo("$org/acme/$org/beta/#");
    }

    @Test
    void rootClientsMayNotNameTheOrganizationTree() {
        assertThat(root.topicIn("$org/acme/x")).isNull();
        assertThat(root.filterIn("$org/acme/#")).isNull();
        assertThat(root.filterIn("$org")).isNull();
        assertThat(root.topicIn("$organic")).isEqualTo("$organic");
    }

    @Test
    void sysIsGlobalAndReadOnly() {
        assertThat(acme.filterIn("$SYS/#")).isEqualTo("$SYS/#");
        assertThat(acme.topicOut("$SYS/broker/uptime")).isEqualTo("$SYS/broker/uptime");
        assertThat(acme.topicIn("$SYS/broker/uptime")).isNull();
        assertThat(root.topicIn("$SYS/x")).isNull();
        assertThat(root.topicIn("$SYSTEM/x")).isEqualTo("$SYSTEM/x");
    }

    @Test
    void operatorsSeeTheTreeUnmapped() {
        assertThat(operator.topicIn("$org/acme/x")).isEqualTo("$org/acme/x");
        assertThat(operator.filterIn("$org/+/device/#")).isEqualTo("$org/+/device/#");
        assertThat(operator.topicOut("$org/acme/x")).isEqualTo("$org/acme/x");
    }

    @Test
    void clientIdsAreUniquePerOrganization() {
        assertThat(acme.sessionKey("sensor-1")).isEqualTo("$org/acme/sensor-1");
        assertThat(Namespace.organization("beta").sessionKey("sensor-1")).isEqualTo("$org/beta/sensor-1");
        assertThat(root.sessionKey("sensor-1")).isEqualTo("sensor-1");
        assertThat(root.sessionKey("$org/acme/sensor-1")).isNull();
        assertThat(operator.sessionKey("$org/acme/sensor-1")).isEqualTo("$org/acme/sensor-1");
    }

    @Test
    void organizationNamesAreChecked() {
        assertThatThrownBy(() -> Namespace.organization("a/b")).hasMessageContaining("invalid organization name");
        assertThatThrownBy(() -> Namespace.organization("#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Namespace.organization("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Namespace.isValidName("acme-01")).isTrue();
    }
}
