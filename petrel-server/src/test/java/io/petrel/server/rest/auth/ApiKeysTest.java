package io.petrel.server.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.platform.memory.InMemoryApiKeyStore;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeys keys = new ApiKeys(store, InstantSource.fixed(Instant.ofEpochMilli(42)));

    @Test
    void aKeyIsStoredAsAHashAndVerifiedWholeOnly() {
        ApiKeys.Created created = keys.create("ingest", "acme", "admin");
        String key = created.key();
        assertThat(key).matches("pk_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}");
        ApiKey stored = store.find(created.stored().id()).orElseThrow();
        assertThat(stored.secretHash()).hasSize(64).doesNotContain(key.substring(16));
        assertThat(stored.createdAtMillis()).isEqualTo(42);

        assertThat(keys.verify(key)).contains(new Caller(stored.id(), Caller.Kind.API_KEY, "acme"));
        assertThat(keys.verify(key + "x")).isEmpty();
        assertThat(keys.verify(key.substring(0, key.length() - 1))).isEmpty();
        assertThat(keys.verify("pk_" + stored.id())).isEmpty();
        assertThat(keys.verify("pk__")).isEmpty();
        assertThat(keys.verify("ps_" + key.substring(3))).isEmpty();

        keys.delete(stored.id());
        assertThat(keys.verify(key)).isEmpty();
    }

    @Test
    void anOperatorKeyActsEverywhere() {
        ApiKeys.Created created = keys.create("ops", null, "root");
        Caller caller = keys.verify(created.key()).orElseThrow();
        assertThat(caller.operatorWide()).isTrue();
        assertThat(caller.mayActIn("anything")).isTrue();
    }
}
