package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.petrel.it.rest.RestClient.Response;
import io.petrel.security.SecurityConfig;
import io.petrel.security.limit.ConnectGuardConfig;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admin logins, session tokens, HTTP basic, API keys, and the 401s and 403s around them. */
class RestAuthIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @BeforeAll
    static void setUp() {
        Response acme = server.admin().post("/api/v1/organizations", "{\"id\":\"acme\"}");
        assertThat(acme.status()).isEqualTo(201);
        assertThat(server.admin().post("/api/v1/organizations", "{\"id\":\"umbrella\"}").status()).isEqualTo(201);
    }

    @Test
    void anAdminLogsInAndTheSessionTokenAuthenticatesUntilLogout() {
        Response session = server.anonymous().post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"s3cret pass\"}");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("user").asText()).isEqualTo("admin");
        assertThat(session.json().has("organization")).as("an admin of every organization").isFalse();
        assertThat(session.json().get("expiresAt").asLong()).isGreaterThan(System.currentTimeMillis());
        RestClient client = server.anonymous().withBearer(session.json().get("token").asText());

        JsonNode me = client.get("/api/v1/auth/me").json();
        assertThat(me.get("name").asText()).isEqualTo("admin");
        assertThat(me.get("kind").asText()).isEqualTo("admin");

        assertThat(client.post("/api/v1/auth/logout", "{}").status()).isEqualTo(204);
        Response after = client.get("/api/v1/auth/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.message()).contains("log in again");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsA401WithoutTellingWhich() {
        Response wrong = server.anonymous().post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"guess\"}");
        Response unknown = server.anonymous().post("/api/v1/auth/login",
                "{\"username\":\"root\",\"password\":\"s3cret pass\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.message()).isEqualTo(unknown.message()).isEqualTo("wrong user name or password");
        assertThat(wrong.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void loginBodiesAreChecked() {
        assertThat(server.anonymous().post("/api/v1/auth/login", "{\"username\":\"admin\"}").message())
                .isEqualTo("field 'password' is required");
        assertThat(server.anonymous().post("/api/v1/auth/login", "{\"username\":1,\"password\":\"x\"}").message())
                .isEqualTo("field 'username' must be a string, not a number");
        assertThat(server.anonymous().post("/api/v1/auth/login", "{\"user\":\"a\",\"password\":\"x\"}").message())
                .startsWith("unknown field 'user'");
        assertThat(server.anonymous().post("/api/v1/auth/login", "{\"username\":").message())
                .startsWith("the body is not valid JSON");
        assertThat(server.anonymous().post("/api/v1/auth/login", "[]").message())
                .isEqualTo("the body must be an object, not an array");
        assertThat(server.anonymous().send("POST", "/api/v1/auth/login", "", "application/json").message())
                .isEqualTo("the body is empty; expected a JSON object");
        Response form = server.anonymous().send("POST", "/api/v1/auth/login", "username=admin",
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.message()).contains("Content-Type: application/json");
    }

    @Test
    void anAddressThatKeepsFailingWaitsWith429EvenWithTheRightPasswordAsForMqtt() {
        SecurityConfig d = SecurityConfig.defaults();
        // Loopback is exempt by default; here it is the address under attack.
        SecurityConfig guarded = new SecurityConfig(null, null, d.operators(), d.organizations(), d.tokens(),
                d.tokenKey(), null, null, d.authThreads(), d.authQueue(), d.reloadInterval(),
                new ConnectGuardConfig(0, 3, Duration.ofMinutes(5), Duration.ofMinutes(5), false, 1_000), d.limits());
        try (RestServer strict = RestServer.start(config -> config.withSecurity(guarded))) {
            RestClient session = strict.admin();
            String wrong = "{\"username\":\"admin\",\"password\":\"guess\"}";
            for (int i = 0; i < 3; i++) {
                assertThat(strict.anonymous().post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
            }

            Response refused = strict.anonymous().post("/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + RestServer.PASSWORD + "\"}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).isEqualTo("too_many_requests");
            assertThat(refused.message()).startsWith("too many failed logins from this address");
            assertThat(strict.anonymous().withBasic("admin", RestServer.PASSWORD).get("/api/v1/organizations")
                    .status()).as("Basic authentication is a login too").isEqualTo(429);
            assertThat(session.get("/api/v1/organizations").status()).as("a session already open").isEqualTo(200);
            assertThat(strict.petrel().server().security().metrics().get("login_refused_backoff")).isEqualTo(2);
        }
    }

    @Test
    void httpBasicWorksOnEveryCallAndBadCredentialsSayWhatIsWrong() {
        assertThat(server.anonymous().withBasic("admin", "s3cret pass").get("/api/v1/organizations").status())
                .isEqualTo(200);
        assertThat(server.anonymous().withBasic("admin", "nope").get("/api/v1/organizations").message())
                .isEqualTo("wrong user name or password");
        Response none = server.anonymous().get("/api/v1/organizations");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"petrel\"");
        assertThat(none.message()).startsWith("authentication required");
        assertThat(server.anonymous().with("Authorization", "Digest abc").get("/api/v1/organizations").message())
                .contains("unsupported authorization scheme 'Digest'");
        assertThat(server.anonymous().withBearer("ps_forged").get("/api/v1/organizations").message())
                .contains("unknown or expired session token");
        assertThat(server.anonymous().with("Authorization", "Basic !!!").get("/api/v1/organizations").message())
                .contains("base64");
    }

    @Test
    void anApiKeyOfAnOrganizationActsInItOnly() {
        RestClient admin = server.admin();
        Response created = admin.post("/api/v1/api-keys", "{\"name\":\"acme ingest\",\"organization\":\"acme\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asText();
        assertThat(key).startsWith("pk_");
        assertThat(created.json().get("organization").asText()).isEqualTo("acme");
        assertThat(created.json().get("createdBy").asText()).isEqualTo("admin");

        RestClient acme = server.anonymous().with("X-API-Key", key);
        assertThat(acme.get("/api/v1/auth/me").json().get("kind").asText()).isEqualTo("api_key");
        assertThat(acme.get("/api/v1/organizations").json()).extracting(org -> org.get("id").asText())
                .containsExactly("acme");
        assertThat(server.anonymous().withBearer(key).get("/api/v1/organizations/acme").status()).isEqualTo(200);

        Response other = acme.get("/api/v1/organizations/umbrella");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.message()).isEqualTo("this API key may act in organization 'acme' only");
        assertThat(acme.post("/api/v1/organizations", "{\"id\":\"mine\"}").status()).isEqualTo(403);
        assertThat(acme.post("/api/v1/api-keys", "{\"name\":\"k\",\"organization\":\"umbrella\"}").status())
                .isEqualTo(403);
        Response ownKey = acme.post("/api/v1/api-keys", "{\"name\":\"second\"}");
        assertThat(ownKey.json().get("organization").asText()).as("defaults to the caller's").isEqualTo("acme");
        assertThat(acme.get("/api/v1/api-keys").json()).extracting(k -> k.get("organization").asText())
                .containsOnly("acme");
        assertThat(acme.get("/api/v1/api-keys").json()).allSatisfy(k -> assertThat(k.has("key")).isFalse());
    }

    @Test
    void aDeletedApiKeyStopsWorkingAtOnceAndAForgedOneNeverWorks() {
        RestClient admin = server.admin();
        JsonNode created = admin.post("/api/v1/api-keys", "{\"name\":\"temporary\"}").json();
        String key = created.get("key").asText();
        assertThat(created.has("organization")).as("an operator's key without organization acts everywhere")
                .isFalse();
        RestClient client = server.anonymous().withBearer(key);
        assertThat(client.post("/api/v1/organizations", "{\"id\":\"by-key\"}").status()).isEqualTo(201);

        String id = created.get("id").asText();
        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/auth/me").message()).isEqualTo("unknown API key");
        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(404);

        String forged = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertThat(server.anonymous().with("X-API-Key", forged).get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void anOrganizationsKeyCannotDeleteAnotherOrganizationsKey() {
        RestClient admin = server.admin();
        String umbrellaKey = admin.post("/api/v1/api-keys", "{\"name\":\"u\",\"organization\":\"umbrella\"}")
                .json().get("id").asText();
        String acmeKey = admin.post("/api/v1/api-keys", "{\"name\":\"a\",\"organization\":\"acme\"}").json()
                .get("key").asText();
        assertThat(server.anonymous().withBearer(acmeKey).delete("/api/v1/api-keys/" + umbrellaKey).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/api-keys").json()).extracting(k -> k.get("id").asText()).contains(umbrellaKey);
    }

    @Test
    void apiKeyBodiesAreChecked() {
        RestClient admin = server.admin();
        assertThat(admin.post("/api/v1/api-keys", "{}").message()).isEqualTo("field 'name' is required");
        assertThat(admin.post("/api/v1/api-keys", "{\"name\":\"\"}").message())
                .isEqualTo("field 'name' must not be empty");
        assertThat(admin.post("/api/v1/api-keys", "{\"name\":\"k\",\"organization\":\"nowhere\"}").status())
                .isEqualTo(404);
        assertThat(admin.post("/api/v1/api-keys", "{\"name\":\"k\",\"scope\":\"all\"}").message())
                .startsWith("unknown field 'scope'");
    }
}
