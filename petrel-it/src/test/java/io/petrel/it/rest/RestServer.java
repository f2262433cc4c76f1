package io.petrel.it.rest;

import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformConfig;
import io.petrel.server.ServerConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.util.function.UnaryOperator;

/**
 * A test server whose REST API has an admin from the configuration, and whose server RPCs may time out after
 * 100 ms instead of device-api.md's minimum of 5 s, so that timeouts are tested without waiting.
 */
final class RestServer implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "s3cret pass";
    static final PlatformConfig PLATFORM = fastRpc(PlatformConfig.DEFAULTS);

    private final EmbeddedPetrel petrel;
    private final RestClient anonymous;

    private RestServer(EmbeddedPetrel petrel) {
        this.petrel = petrel;
        this.anonymous = RestClient.anonymous(petrel.httpUrl());
    }

    static RestServer start() {
        return start(UnaryOperator.identity());
    }

    static RestServer start(UnaryOperator<ServerConfig> change) {
        return new RestServer(EmbeddedPetrel.withConfig(config -> change.apply(withAdmin(
                config.withDevices(config.devices().withPlatform(PLATFORM))))));
    }

    static ServerConfig withAdmin(ServerConfig config) {
        return config.withHttp(config.http().withApi(config.http().api().withAdmin(ADMIN, PASSWORD)));
    }

    private static PlatformConfig fastRpc(PlatformConfig c) {
        return new PlatformConfig(c.maxPayloadSize(), c.maxInflightMessages(), c.rateLimits(),
                c.maxSessionsPerDevice(), c.clientRpcTimeoutMillis(), c.rpcTransportTimeoutMillis(),
                c.rpcDefaultTimeoutMillis(), 100, c.inactivityTimeoutMillis(), c.sessionInactivityTimeoutMillis(),
                c.activityReportIntervalMillis(), c.activityCheckIntervalMillis(), c.provisionSessionLingerMillis(),
                c.kv());
    }

    EmbeddedPetrel petrel() {
        return petrel;
    }

    DevicePlatform platform() {
        return petrel.server().devicePlatform();
    }

    /** A client without credentials. */
    RestClient anonymous() {
        return anonymous;
    }

    /** A client logged in as the admin of every organization. */
    RestClient admin() {
        return anonymous.login(ADMIN, PASSWORD);
    }

    @Override
    public void close() {
        petrel.close();
    }
}
