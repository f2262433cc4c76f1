package io.petrel.server.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code PETREL_...} environment variables to the configuration tree. Every key has one: the dotted
 * path upper-cased with dots and dashes turned into underscores. Keys of named entries take the entry's name
 * in the middle ({@code PETREL_LISTENERS_TCP_PORT}); an unknown name creates the entry.
 */
final class EnvOverrides {
    private static final String LISTENERS_PREFIX = "PETREL_LISTENERS_";

    /** Variables the launcher and logging read, which are not configuration keys. */
    static final Set<String> RESERVED = Set.of("PETREL_CONFIG", "PETREL_JAVA_OPTS", "PETREL_LOG_LEVEL",
            "PETREL_TEST_LOG_LEVEL");
    /** Variables of the test scripts, such as the PostgreSQL test server's URL: never configuration keys. */
    static final String TEST_PREFIX = "PETREL_TEST_";

    private EnvOverrides() {
    }

    static void apply(ConfigTree tree, Map<String, String> env) {
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("PETREL_") || RESERVED.contains(name) || name.startsWith(TEST_PREFIX)) {
                continue;
            }
            String path = pathOf(name, tree);
            if (path == null) {
                throw new ConfigException("unknown environment variable " + name
                        + ": no configuration key has this name (see docs/configuration.md)");
            }
            tree.set(path, variable.getValue());
        }
    }

    private static String pathOf(String variable, ConfigTree tree) {
        for (Key<?> key : ConfigKeys.ALL) {
            if (!key.isTemplate() && key.env().equals(variable)) {
                return key.path();
            }
        }
        if (!variable.startsWith(LISTENERS_PREFIX)) {
            return null;
        }
        List<Key<?>> templates = ConfigKeys.ALL.stream().filter(Key::isTemplate)
                .sorted(Comparator.comparingInt((Key<?> k) -> k.env().length()).reversed()).toList();
        for (Key<?> key : templates) {
            String suffix = key.env().substring(key.env().indexOf("{NAME}") + "{NAME}".length());
            if (variable.endsWith(suffix) && variable.length() > LISTENERS_PREFIX.length() + suffix.length()) {
                String entry = variable.substring(LISTENERS_PREFIX.length(), variable.length() - suffix.length());
                return key.path(entryName(entry, tree));
            }
        }
        return null;
    }

    private static String entryName(String fromVariable, ConfigTree tree) {
        for (String existing : tree.names("listeners")) {
            if (existing.toUpperCase(Locale.ROOT).replace('-', '_').equals(fromVariable)) {
                return existing;
            }
        }
        return fromVariable.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
