package io.petrel.server.rest.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.petrel.api.store.platform.ApiKeyStore;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.registry.CredentialsFactory;
import io.petrel.security.SecretFiles;
import io.petrel.security.Security;
import io.petrel.server.rest.RestApi;
import io.petrel.server.rest.RestConfig;
import io.petrel.server.rest.RestMetrics;
import io.petrel.server.rest.auth.AdminLogins;
import io.petrel.server.rest.auth.ApiKeys;
import io.petrel.server.rest.auth.Authentication;
import io.petrel.server.rest.auth.LoginSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the REST API from the server's parts. */
public final class RestWiring {
    /** Where the generated admin password is kept in the data directory. */
    public static final String ADMIN_PASSWORD_FILE = "api-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(RestWiring.class);

    private RestWiring() {
    }

    /**
     * The REST API.
     *
     * @param dataDir where a generated admin password is kept when the configuration names no admin
     * @throws IOException if the generated admin password cannot be read or written
     */
    public static RestApi api(RestConfig config, DevicePlatform platform, Security security, ApiKeyStore keys,
            MeterRegistry meters, InstantSource clock, Path dataDir, String version) throws IOException {
        RestConfig effective = config;
        if (config.adminPassword() == null && config.admins().isEmpty()) {
            Path file = dataDir.resolve(ADMIN_PASSWORD_FILE);
            effective = config.withAdmin(config.adminUser(), generatedPassword(file));
            LOG.info("REST API: log in as '{}' with the password in {} (set http.api.admin-password or "
                    + "http.api.admins to choose admins)", config.adminUser(), file.toAbsolutePath());
        }
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        AdminLogins admins = new AdminLogins(effective, security);
        LoginSessions sessions = new LoginSessions(config.sessionTtl(), clock);
        ApiKeys apiKeys = new ApiKeys(keys, clock);
        RestContext context = new RestContext(platform, security, admins, sessions, apiKeys, clock, mapper);
        return new RestApi(RestResources.all(context, version), new Authentication(admins, sessions, apiKeys),
                new RestMetrics(meters), mapper);
    }

    private static String generatedPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String password = CredentialsFactory.randomToken() + CredentialsFactory.randomToken();
        SecretFiles.write(file, password + "\n");
        return password;
    }
}
