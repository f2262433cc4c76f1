package io.petrel.server.config;

/** Renders {@link ConfigKeys} as the reference table of {@code docs/configuration.md}. */
public final class ConfigDoc {
    private ConfigDoc() {
    }

    /** A Markdown table with every key, its default, its environment variable and its description. */
    public static String table() {
        StringBuilder out = new StringBuilder();
        out.append("| Key | Default | Environment variable | Description |\n");
        out.append("|---|---|---|---|\n");
        for (Key<?> key : ConfigKeys.ALL) {
            out.append("| `").append(key.path()).append("` | ").append(escape(key.defaultText())).append(" | `")
                    .append(key.env()).append("` | ").append(escape(key.description())).append(" Allowed: ")
                    .append(escape(key.allowed())).append(". |\n");
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
