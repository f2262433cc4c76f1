package io.petrel.it.bench;

import io.petrel.platform.PlatformStores;
import java.util.Locale;

/** The stores the ingest benchmark runs on, chosen by name. */
final class IngestStores {
    private IngestStores() {
    }

    static PlatformStores open(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "memory" -> PlatformStores.inMemory();
            default -> throw new IllegalArgumentException("unknown store \"" + name + "\"; this build has: memory");
        };
    }
}
