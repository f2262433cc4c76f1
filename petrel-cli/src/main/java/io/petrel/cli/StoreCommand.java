package io.petrel.cli;

import io.petrel.api.store.BrokerStore;
import io.petrel.api.store.StoreException;
import io.petrel.server.ServerConfig;
import io.petrel.server.config.ConfigException;
import io.petrel.server.config.ConfigLoader;
import io.petrel.server.store.BrokerStores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petrel store}: inspects the store that holds the broker's state. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Inspect the broker's stored state.",
        subcommands = StoreCommand.Check.class)
final class StoreCommand {

    /**
     * {@code petrel store check}: verifies the configured store without changing it. It may run beside a live
     * server: it reads one consistent snapshot.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify the store's integrity: the database's own check and Petrel's invariants. "
                    + "Exits 0 when sound, 1 when problems were found, 2 when the store cannot be checked.")
    static final class Check implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, description = "Configuration file naming the store.")
        @Nullable Path config;

        @Option(names = "--data-dir", description = "Data directory holding petrel.db (key data-dir).")
        @Nullable String dataDir;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set any configuration key. Repeatable.")
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        public Integer call() {
            ServerConfig serverConfig;
            try {
                Map<String, String> overrides = new LinkedHashMap<>(settings);
                if (dataDir != null) {
                    overrides.put("data-dir", dataDir);
                }
                serverConfig = ConfigLoader.load(config, System.getenv(), overrides);
            } catch (ConfigException e) {
                System.err.println("petrel: invalid configuration: " + e.getMessage());
                return 2;
            }
            String where = BrokerStores.describe(serverConfig.store(), serverConfig.dataDir());
            List<String> problems;
            try (BrokerStore store = BrokerStores.openExisting(serverConfig.store(), serverConfig.dataDir())) {
                problems = store.check();
            } catch (StoreException e) {
                System.err.println("petrel: cannot check the store: " + e.getMessage());
                return 2;
            }
            if (problems.isEmpty()) {
                System.out.println(where + ": ok");
                return 0;
            }
            System.out.println(where + ": " + problems.size() + " problem(s)");
            problems.forEach(problem -> System.out.println("  " + problem));
            return 1;
        }
    }
}
