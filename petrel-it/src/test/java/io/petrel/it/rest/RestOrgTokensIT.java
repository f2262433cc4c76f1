package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.petrel.it.rest.RestClient.Response;
import io.petrel.security.SecurityConfig;
import io.petrel.security.token.TokenCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Org tokens issued and revoked over REST, used by a real MQTT client. */
class RestOrgTokensIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @BeforeAll
    static void setUp() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"acme\"}");
    }

    @Test
    void anIssuedTokenLogsAnAppInWithItsScopeUntilItIsRevoked() {
        Response issued = server.admin().post("/api/v1/organizations/acme/tokens",
                "{\"subject\":\"dashboard\",\"subscribe\":[\"device/+/telemetry/#\",\"device/+/status\"],"
                        + "\"ttlSeconds\":3600}");
        assertThat(issued.status()).isEqualTo(201);
        JsonNode token = issued.json();
        assertThat(token.get("organization").asText()).isEqualTo("acme");
        assertThat(token.get("subject").asText()).isEqualTo("dashboard");
        assertThat(token.get("expiresAt").asLong() - token.get("issuedAt").asLong()).isEqualTo(3_600_000L);
        assertThat(TokenCodec.looksLikeToken(token.get("token").asText())).isTrue();

        List<MqttClientDisconnectedContext> ends = new CopyOnWriteArrayList<>();
        Mqtt5BlockingClient app = server.connect("dashboard", token.get("token").asText(), ends);
        assertThat(app.subscribeWith().topicFilter("device/+/telemetry/#").send().getReasonCodes())
                .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_2);
        assertThatThrownBy(() -> app.subscribeWith().topicFilter("other/#").send())
                .isInstanceOfSatisfying(Mqtt5SubAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));

        assertThat(server.admin().delete("/api/v1/organizations/acme/tokens/" + token.get("id").asText()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> !ends.isEmpty());
        assertThat(ends.get(0).getCause()).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        assertThatThrownBy(() -> server.connect("dashboard-again", token.get("token").asText(),
                new CopyOnWriteArrayList<>()))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        assertThat(server.admin().delete("/api/v1/organizations/acme/tokens/" + token.get("id").asText()).status())
                .as("revoking twice is no error").isEqualTo(204);
    }

    @Test
    void anOrganizationsKeyRevokesItsOwnTokensByTheTokenAndNoOtherOrganizations() {
        server.admin().post("/api/v1/organizations", "{\"id\":\"rival\"}");
        RestClient acme = server.withApiKeyOf("acme-revoker", "acme");
        JsonNode own = acme.post("/api/v1/organizations/acme/tokens", "{\"subscribe\":[\"device/#\"]}").json();
        JsonNode rivals = server.admin().post("/api/v1/organizations/rival/tokens", "{\"subscribe\":[\"device/#\"]}").json();

        Response byId = acme.delete("/api/v1/organizations/acme/tokens/" + rivals.get("id").asText());
        assertThat(byId.status()).isEqualTo(403);
        assertThat(byId.message()).startsWith("only an operator-wide admin or API key may revoke an org token by its id");
        assertThat(acme.delete("/api/v1/organizations/acme/tokens/" + rivals.get("token").asText()).status())
                .as("another organization's token").isEqualTo(404);
        assertThat(acme.delete("/api/v1/organizations/acme/tokens/eyJub3Q.a.token").status()).isEqualTo(400);
        server.connect("rival-app", rivals.get("token").asText(), new CopyOnWriteArrayList<>()).disconnect();

        assertThat(acme.delete("/api/v1/organizations/acme/tokens/" + own.get("token").asText()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThatThrownBy(
                () -> server.connect("acme-app", own.get("token").asText(), new CopyOnWriteArrayList<>()))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED)));
    }

    @Test
    void defaultsAreThirtyDaysForAnApp() {
        JsonNode token = server.admin().post("/api/v1/organizations/acme/tokens", "{}").json();
        assertThat(token.get("subject").asText()).isEqualTo("app");
        assertThat(token.get("operator").asBoolean()).isFalse();
        assertThat(token.get("subscribe")).isEmpty();
        assertThat(token.get("expiresAt").asLong() - token.get("issuedAt").asLong()).isEqualTo(30L * 86_400_000);
    }

    @Test
    void onlyOperatorWideCallersIssueOperatorTokens() {
        assertThat(server.admin().post("/api/v1/organizations/acme/tokens", "{\"operator\":true}").status())
                .isEqualTo(201);
        RestClient acme = server.withApiKeyOf("acme", "acme");
        assertThat(acme.post("/api/v1/organizations/acme/tokens", "{}").status()).isEqualTo(201);
        Response refused = acme.post("/api/v1/organizations/acme/tokens", "{\"operator\":true}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).isEqualTo("only an operator-wide admin or API key may issue operator tokens");
        assertThat(acme.post("/api/v1/organizations/default/tokens", "{}").status()).isEqualTo(403);
    }

    @Test
    void badTokenRequestsSayWhatIsWrong() {
        String path = "/api/v1/organizations/acme/tokens";
        assertThat(server.admin().post(path, "{\"subscribe\":[\"a/#/b\"]}").message())
                .isEqualTo("field 'subscribe[0]' is not a valid topic filter: 'a/#/b'");
        assertThat(server.admin().post(path, "{\"subscribe\":\"a/#\"}").message())
                .isEqualTo("field 'subscribe' must be an array, not a string");
        assertThat(server.admin().post(path, "{\"publish\":[1]}").message())
                .isEqualTo("field 'publish[0]' must be a string, not a number");
        assertThat(server.admin().post(path, "{\"ttlSeconds\":0}").message())
                .isEqualTo("field 'ttlSeconds' must be an integer from 1 to 315360000, not 0");
        assertThat(server.admin().post(path, "{\"ttl\":\"1h\"}").message()).startsWith("unknown field 'ttl'");
        assertThat(server.admin().post("/api/v1/organizations/nowhere/tokens", "{}").status()).isEqualTo(404);
    }

    @Test
    void withTokensTurnedOffIssuingIsAConflict() {
        SecurityConfig d = SecurityConfig.defaults();
        SecurityConfig noTokens = new SecurityConfig(null, null, d.operators(), d.organizations(), false, null, null,
                null, d.authThreads(), d.authQueue(), d.reloadInterval(), d.guard(), d.limits());
        try (RestServer off = RestServer.start(config -> config.withSecurity(noTokens))) {
            Response refused = off.admin().post("/api/v1/organizations/default/tokens", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.message()).contains("auth.tokens.enabled");
        }
    }
}
