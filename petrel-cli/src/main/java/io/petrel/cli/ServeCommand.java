package io.petrel.cli;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.server.PetrelServer;
import io.petrel.server.ServerConfig;
import io.petrel.server.ServerStartException;
import io.petrel.server.config.ConfigException;
import io.petrel.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petrel serve}: runs the server until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Petrel server.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final Path DEFAULT_CONFIG = Path.of("petrel.yml");
    private static final Duration WATCHDOG_MARGIN = Duration.ofSeconds(2);

    @Option(names = {"-c", "--config"}, description = "Configuration file (default: petrel.yml if it exists, "
            + "or $PETREL_CONFIG).")
    @Nullable Path config;

    @Option(names = "--data-dir", description = "Directory for Petrel's data (key data-dir).")
    @Nullable String dataDir;

    @Option(names = {"-p", "--port"}, description = "Port of the tcp listener (key listeners.tcp.port).")
    @Nullable Integer port;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set mqtt.max-packet-size=4MiB. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Path file = configFile();
        ServerConfig serverConfig;
        try {
            serverConfig = ConfigLoader.load(file, System.getenv(), overrides());
        } catch (ConfigException e) {
            System.err.println("petrel: invalid configuration: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(serverConfig.dataDir());
        if (file == null) {
            LOG.info("No configuration file: using the defaults, on localhost only, with anonymous clients allowed "
                    + "(write petrel.yml or pass --config to change that)");
        } else {
            LOG.info("Configuration: {}", file.toAbsolutePath());
        }
        PetrelServer server;
        try {
            server = PetrelServer.builder().config(serverConfig).start();
        } catch (ServerStartException e) {
            System.err.println("petrel: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, serverConfig.shutdownTimeout(), stopped),
                "petrel-shutdown"));
        // Logged once the shutdown hook is in place, so a supervisor that waits for these lines can stop
        // Petrel gracefully from then on.
        for (ListenerConfig listener : serverConfig.listeners()) {
            LOG.info("Listener '{}': anonymous clients {}", listener.name(),
                    listener.allowAnonymous() ? "allowed" : "not allowed");
        }
        stopped.await();
        return 0;
    }

    /**
     * Runs on SIGTERM or SIGINT. The server's own shutdown keeps to the timeout; the watchdog makes sure the
     * process exits even if something else hangs, so a supervisor never has to send SIGKILL.
     */
    private static void stop(PetrelServer server, Duration timeout, CountDownLatch stopped) {
        LOG.info("Shutting down (at most {} s)", timeout.toSeconds());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.plus(WATCHDOG_MARGIN).toMillis());
                System.err.println("petrel: shutdown took longer than " + timeout.toSeconds() + " s, exiting anyway");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "petrel-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        server.close();
        stopped.countDown();
    }

    private @Nullable Path configFile() {
        if (config != null) {
            return config;
        }
        String fromEnv = System.getenv("PETREL_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (dataDir != null) {
            overrides.put("data-dir", dataDir);
        }
        if (port != null) {
            overrides.put("listeners.tcp.port", Integer.toString(port));
        }
        return overrides;
    }
}
