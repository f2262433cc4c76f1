package io.petrel.security;

import com.nimbusds.jose.jwk.ECKey;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.limit.ClientLimits;
import io.petrel.security.acl.AclAuthorizer;
import io.petrel.security.acl.AclFile;
import io.petrel.security.acl.AclRule;
import io.petrel.security.cert.CertificateAuthenticator;
import io.petrel.security.chain.AnonymousAuthenticator;
import io.petrel.security.chain.AuthenticatorChain;
import io.petrel.security.chain.AuthenticatorSlot;
import io.petrel.security.limit.ConnectGuard;
import io.petrel.security.limit.SecurityLimits;
import io.petrel.security.password.PasswordAuthenticator;
import io.petrel.security.password.PasswordFile;
import io.petrel.security.token.Revocations;
import io.petrel.security.token.TokenAuthenticator;
import io.petrel.security.token.TokenCodec;
import io.petrel.security.token.TokenKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security, assembled from its configuration: the authenticator chain behind its connect guard, the
 * authorizer, the client limits, and one background thread that reloads changed files and sweeps idle state.
 * The server wires these into the broker; nothing here knows the broker's internals.
 *
 * <p>The chain, in order: org tokens, TLS client certificates, the device slot (filled later by the device
 * platform), password users, anonymous access.
 */
public final class Security implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Security.class);

    private final SecurityMetrics metrics = new SecurityMetrics();
    private final AuthExecutor executor;
    private final ScheduledExecutorService timer;
    private final AuthenticatorSlot deviceSlot = new AuthenticatorSlot();
    private final List<WatchedFile<?>> watched = new ArrayList<>();
    private final @Nullable WatchedFile<Revocations> revocations;
    private final @Nullable TokenCodec tokens;
    private final @Nullable PasswordAuthenticator passwords;
    private final Path revocationFile;
    private final InstantSource clock;
    private final ConnectGuard guard;
    private final AclAuthorizer authorizer;
    private final SecurityLimits limits;
    private volatile Consumer<Set<String>> onRevoked = ids -> { };

    private Security(SecurityConfig config, Path dataDir, Set<String> anonymousListeners, InstantSource clock)
            throws IOException {
        this.clock = clock;
        this.executor = new AuthExecutor(config.authThreads(), config.authQueue());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "petrel-security");
            thread.setDaemon(true);
            return thread;
        });
        Organizations organizations = new Organizations(config.organizations(), config.operators());
        List<Authenticator> links = new ArrayList<>();
        this.revocationFile = dataDir.resolve(Revocations.DEFAULT_FILE);
        if (config.tokens()) {
            ECKey key = config.tokenKey() != null ? TokenKey.load(config.tokenKey())
                    : TokenKey.loadOrGenerate(dataDir.resolve(TokenKey.DEFAULT_FILE));
            this.tokens = new TokenCodec(key);
            this.revocations = watch(revocationFile, Revocations::read);
            links.add(new TokenAuthenticator(tokens, revocations, executor, clock));
            WatchedFile<Revocations> revoked = revocations;
            metrics.gauge("revoked_tokens", () -> revoked.get().ids().size());
        } else {
            this.tokens = null;
            this.revocations = null;
        }
        if (config.certificateIdentity() != null) {
            Map<String, String> names = config.certificateNames() != null
                    ? readNames(config.certificateNames()) : Map.of();
            links.add(new CertificateAuthenticator(config.certificateIdentity(), names, organizations));
        }
        links.add(deviceSlot);
        if (config.passwordFile() != null) {
            WatchedFile<PasswordFile> file = watch(config.passwordFile(), PasswordFile::read);
            file.get().problems().forEach(problem -> LOG.warn("{}: {}", config.passwordFile(), problem));
            this.passwords = new PasswordAuthenticator(file, organizations, executor);
            links.add(passwords);
        } else {
            this.passwords = null;
        }
        links.add(new AnonymousAuthenticator(anonymousListeners));
        this.guard = new ConnectGuard(new AuthenticatorChain(links), config.guard(), clock, metrics);
        WatchedFile<List<AclRule>> acl = config.aclFile() != null ? watch(config.aclFile(), AclFile::read) : null;
        this.authorizer = new AclAuthorizer(acl != null ? acl::get : List::of, metrics);
        this.limits = new SecurityLimits(config.limits(), clock, metrics);
        metrics.gauge("auth_queue", executor::queued);
        long interval = config.reloadInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reload, interval, interval, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guard::sweep, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Starts security.
     *
     * @param dataDir where a generated token key and the revocation list live
     * @param anonymousListeners the listeners that let clients in without credentials
     * @throws IOException if a configured file cannot be read or parsed
     */
    public static Security start(SecurityConfig config, Path dataDir, Set<String> anonymousListeners,
            InstantSource clock) throws IOException {
        return new Security(config, dataDir, anonymousListeners, clock);
    }

    private <T> WatchedFile<T> watch(Path path, WatchedFile.Reader<T> reader) throws IOException {
        WatchedFile<T> file = new WatchedFile<>(path, reader);
        watched.add(file);
        return file;
    }

    private static Map<String, String> readNames(Path file) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] fields = trimmed.split("\\s+", 2);
                if (fields.length != 2) {
                    throw new IOException(file + ": expected <sha256 fingerprint> <name>: " + trimmed);
                }
                names.put(fields[0], fields[1].strip());
            }
        }
        return names;
    }

    private void reload() {
        Set<String> revokedBefore = revocations != null ? new HashSet<>(revocations.get().ids()) : Set.of();
        for (WatchedFile<?> file : watched) {
            file.reloadIfChanged();
        }
        if (revocations != null) {
            Set<String> added = new HashSet<>(revocations.get().ids());
            added.removeAll(revokedBefore);
            if (!added.isEmpty()) {
                LOG.info("Revoked org tokens: {}; ending their connections", added);
                onRevoked.accept(added);
            }
        }
    }

    /** The chain behind its connect guard: what the broker asks at CONNECT. */
    public Authenticator authenticator() {
        return guard;
    }

    /** The per-address guard against password guessing, for logins outside MQTT too. */
    public ConnectGuard guard() {
        return guard;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public ClientLimits limits() {
        return limits;
    }

    /** The chain's place for device credentials, which the device platform fills. */
    public AuthenticatorSlot deviceSlot() {
        return deviceSlot;
    }

    public SecurityMetrics metrics() {
        return metrics;
    }

    /** Live connections of each organization. */
    public Map<String, Integer> connectionsByOrganization() {
        return limits.connectionsByOrganization();
    }

    /**
     * The principal of a password-file user whose password matches, for logins other than MQTT's (the REST
     * API's). Slow on purpose, like every password check: call it off the event loops.
     *
     * @return the principal, or empty if the user is unknown, the password wrong, or there is no password file
     */
    public Optional<Principal> checkPassword(String user, byte[] password) {
        PasswordAuthenticator file = passwords;
        return file == null ? Optional.empty() : Optional.ofNullable(file.verify(user, password));
    }

    /** Signs and verifies org tokens, or null when tokens are off. */
    public @Nullable TokenCodec tokens() {
        return tokens;
    }

    /** Called with token ids as they are revoked, to end the connections that use them. */
    public void onRevoked(Consumer<Set<String>> action) {
        this.onRevoked = action;
    }

    /**
     * Revokes a token: refused from now on, and live connections using it end as soon as the list is reread,
     * which this triggers at once.
     *
     * <p>Synchronized: each revocation rewrites the list from what it read, and REST calls arrive on several
     * threads at once; two at a time would lose one.
     *
     * @param expiresAt the token's expiry, after which the entry may be dropped; null if unknown
     */
    public synchronized void revoke(String tokenId, @Nullable Instant expiresAt) throws IOException {
        Revocations.revoke(revocationFile, tokenId, expiresAt, clock.instant());
        timer.execute(this::reload);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        executor.close();
    }
}
