package io.petrel.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.MqttListener;
import io.petrel.mqtt.protocol.ProtocolContext;
import io.petrel.mqtt.transport.NettyRuntime;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.mqtt.transport.tls.TlsSetupException;
import io.petrel.security.Security;
import io.petrel.server.devices.DeviceHost;
import io.petrel.server.http.HttpConfig;
import io.petrel.server.http.HttpRoutes;
import io.petrel.server.http.HttpServer;
import io.petrel.server.rest.RestApi;
import io.petrel.server.rest.resources.RestWiring;
import io.petrel.server.tls.DevelopmentCertificates;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The steps of starting a {@link PetrelServer} that can fail for a reason outside Petrel (a port in use, a file
 * that cannot be read or written): each failure becomes a {@link ServerStartException} that says what to fix.
 */
final class StartSteps {
    private StartSteps() {
    }

    static DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates(ServerConfig config,
            InstantSource clock) {
        boolean needed = config.listeners().stream()
                .anyMatch(l -> l.tls() != null && !l.tls().hasCertificate());
        if (!needed) {
            return null;
        }
        try {
            return DevelopmentCertificates.ensure(config.dataDir(), clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("cannot create the development certificate in "
                    + config.dataDir().resolve("certs").toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    static Set<String> anonymousListeners(ServerConfig config) {
        return config.listeners().stream().filter(ListenerConfig::allowAnonymous)
                .map(ListenerConfig::name).collect(Collectors.toSet());
    }

    static Security startSecurity(ServerConfig config, InstantSource clock) {
        try {
            return Security.start(config.security(), config.dataDir(), anonymousListeners(config), clock);
        } catch (IOException | RuntimeException e) {
            throw new ServerStartException("cannot start security: " + e.getMessage(), e);
        }
    }

    static ListenerConfig withCertificate(ListenerConfig listener,
            DevelopmentCertificates.@Nullable CertificateFiles developmentCertificates) {
        TlsConfig tls = listener.tls();
        if (tls == null || tls.hasCertificate() || developmentCertificates == null) {
            return listener;
        }
        return listener.withTls(tls.withPem(developmentCertificates.certificate(),
                developmentCertificates.privateKey()));
    }

    static MqttListener bind(ListenerConfig listener, ProtocolContext protocol, NettyRuntime runtime,
            ScheduledExecutorService housekeeping) throws InterruptedException {
        try {
            return MqttListener.bind(listener, protocol, runtime, housekeeping);
        } catch (TlsSetupException e) {
            throw new ServerStartException("listener '" + listener.name() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // Netty rethrows bind failures (address in use, address not on this machine) as they are.
            throw new ServerStartException("listener '" + listener.name() + "' cannot bind " + listener.host() + ":"
                    + listener.port() + ": " + e.getMessage(), e);
        }
    }

    static HttpServer startHttp(HttpConfig config, List<HttpRoutes> routes) {
        try {
            return HttpServer.start(config, routes);
        } catch (IOException e) {
            throw new ServerStartException("the HTTP server cannot bind " + config.host() + ":" + config.port() + ": "
                    + e.getMessage() + " (set http.port, or http.enabled: false)", e);
        }
    }

    static RestApi restApi(ServerConfig config, DeviceHost devices, Security security,
            PrometheusMeterRegistry meters, InstantSource clock) {
        try {
            return RestWiring.api(config.http().api(), devices.platform(), security, devices.apiKeys(),
                    meters, clock, config.dataDir(), PetrelVersion.get());
        } catch (IOException e) {
            throw new ServerStartException("cannot set up the REST API's admin password in " + config.dataDir()
                    + ": " + e.getMessage(), e);
        }
    }
}
