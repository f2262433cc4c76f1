package io.petrel.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.store.platform.ApiKey;
import io.petrel.api.store.platform.ApiKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApiKeyStore} does. A storage engine's test extends this class and supplies an empty
 * store.
 */
public abstract class ApiKeyStoreContract {
    private ApiKeyStore store;

    /** A new, empty store. */
    protected abstract ApiKeyStore createStore();

    @BeforeEach
    void setUp() {
        store = createStore();
    }

    private static ApiKey key(String id, String organization) {
        return new ApiKey(id, "key " + id, organization, "hash-" + id, "admin", 1_000 + id.length());
    }

    @Test
    void aKeyRoundTripsWithOrWithoutOrganization() {
        ApiKey scoped = key("k1", "acme");
        ApiKey operator = key("k2", null);
        assertThat(store.create(scoped)).isTrue();
        assertThat(store.create(operator)).isTrue();
        assertThat(store.find("k1")).contains(scoped);
        assertThat(store.find("k2")).contains(operator);
        assertThat(store.find("k3")).isEmpty();
    }

    @Test
    void idsAreUnique() {
        assertThat(store.create(key("k1", "acme"))).isTrue();
        assertThat(store.create(key("k1", "umbrella"))).isFalse();
        assertThat(store.find("k1").orElseThrow().organization()).isEqualTo("acme");
    }

    @Test
    void listingFiltersByOrganizationAndSortsById() {
        store.create(key("b", "acme"));
        store.create(key("a", "acme"));
        store.create(key("c", "umbrella"));
        store.create(key("d", null));
        assertThat(store.list("acme")).extracting(ApiKey::id).containsExactly("a", "b");
        assertThat(store.list(null)).extracting(ApiKey::id).containsExactly("a", "b", "c", "d");
        assertThat(store.list("nobody")).isEmpty();
    }

    @Test
    void deleteRemovesAKeyOnce() {
        store.create(key("k1", "acme"));
        assertThat(store.delete("k1")).isTrue();
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.delete("k1")).isFalse();
    }
}
