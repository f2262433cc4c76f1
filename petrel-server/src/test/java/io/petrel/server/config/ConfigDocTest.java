package io.petrel.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocTest {
    @Test
    void docsListEveryKeyWithItsDefaultAndVariable() throws Exception {
        String docs = Files.readString(Path.of("../docs/configuration.md"));
        assertThat(docs)
                .as("docs/configuration.md is out of date: replace its key table with `./petrel config keys`")
                .contains(ConfigDoc.table());
    }
}
