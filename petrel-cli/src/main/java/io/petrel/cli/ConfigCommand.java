package io.petrel.cli;

import io.petrel.server.ServerConfig;
import io.petrel.server.config.ConfigDoc;
import io.petrel.server.config.ConfigException;
import io.petrel.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code petrel config}: lists the configuration keys, or checks a configuration file. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration keys and checks.",
        subcommands = {ConfigCommand.Keys.class, ConfigCommand.Check.class})
final class ConfigCommand {

    /** {@code petrel config keys}: prints every key as a Markdown table. */
    @Command(name = "keys", description = "Print every configuration key with its default and variable.")
    static final class Keys implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(ConfigDoc.table());
            return 0;
        }
    }

    /** {@code petrel config check FILE}: validates a file, with the environment applied. */
    @Command(name = "check", description = "Validate a configuration file and the PETREL_... environment.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "0..1", description = "The file (default: none, defaults and environment only).")
        @Nullable Path file;

        @Override
        public Integer call() {
            try {
                ServerConfig config = ConfigLoader.load(file, System.getenv(), Map.of());
                System.out.println("configuration is valid: " + config.listeners().size() + " listener(s)");
                return 0;
            } catch (ConfigException e) {
                System.err.println("petrel: invalid configuration: " + e.getMessage());
                return 2;
            }
        }
    }
}
