package io.petrel.cli;

import com.nimbusds.jose.jwk.ECKey;
import io.petrel.api.auth.TopicScope;
import io.petrel.security.token.InvalidTokenException;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.Revocations;
import io.petrel.security.token.TokenCodec;
import io.petrel.security.token.TokenKey;
import io.petrel.server.config.ValueParsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code petrel token}: creates, inspects and revokes org tokens with the server's signing key, which lives in
 * the data directory (generated there on first use) unless {@code --key} names another.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, inspect and revoke org tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Inspect.class, TokenCommand.Revoke.class})
final class TokenCommand {

    /** Where the key and the revocation list are. */
    static final class Store {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Petrel's data directory (default: data).")
        Path dataDir = Path.of("data");

        @Option(names = "--key", paramLabel = "FILE", description = "The signing key (key auth.tokens.key), "
                + "instead of the one in the data directory.")
        @Nullable Path key;

        Path keyFile() {
            return key != null ? key : dataDir.resolve(TokenKey.DEFAULT_FILE);
        }

        Path revocationFile() {
            return dataDir.resolve(Revocations.DEFAULT_FILE);
        }
    }

    /** {@code petrel token create}: prints a new signed token. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Print a new org token.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Store store;

        @Option(names = "--org", required = true, description = "The organization.")
        String organization;

        @Option(names = "--sub", paramLabel = "FILTER", description = "A filter it may subscribe to. Repeatable.")
        List<String> subscribe = new ArrayList<>();

        @Option(names = "--pub", paramLabel = "FILTER", description = "A filter it may publish to. Repeatable.")
        List<String> publish = new ArrayList<>();

        @Option(names = "--ttl", description = "How long it is valid, such as 12h or 30d (default: ${DEFAULT-VALUE}).")
        String ttl = "30d";

        @Option(names = "--name", description = "Who it is for: the principal's name (default: ${DEFAULT-VALUE}).")
        String name = "app";

        @Option(names = "--operator", description = "Let it reach every organization.")
        boolean operator;

        @Override
        public Integer call() throws IOException {
            Duration validity;
            OrgToken token;
            try {
                validity = ValueParsers.duration(ttl);
                if (validity.isZero()) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                System.err.println("petrel token: --ttl must be a duration such as 1h or 30d, not " + ttl);
                return 2;
            }
            try {
                Instant now = Instant.now();
                token = new OrgToken(TokenCodec.newId(), name, organization, new TopicScope(publish, subscribe),
                        operator, now, now.plus(validity));
            } catch (IllegalArgumentException e) {
                System.err.println("petrel token: " + e.getMessage());
                return 2;
            }
            ECKey key = store.key != null ? TokenKey.load(store.key) : TokenKey.loadOrGenerate(store.keyFile());
            System.out.println(new TokenCodec(key).sign(token));
            System.err.println("token " + token.id() + " for " + name + " in " + organization + ", expires "
                    + token.expiresAt());
            return 0;
        }
    }

    /** {@code petrel token inspect}: shows what a token says and whether this server would accept it. */
    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Decode a token and check it.")
    static final class Inspect implements Callable<Integer> {
        @Mixin
        Store store;

        @Parameters(paramLabel = "TOKEN", description = "The token.")
        String compact;

        @Override
        public Integer call() throws IOException {
            OrgToken token;
            try {
                token = TokenCodec.decode(compact.strip());
            } catch (InvalidTokenException e) {
                System.err.println("petrel token: not an org token: " + e.getMessage());
                return 1;
            }
            System.out.println("id:           " + token.id());
            System.out.println("subject:      " + token.subject());
            System.out.println("organization: " + token.organization() + (token.operator() ? " (operator)" : ""));
            System.out.println("subscribe:    " + String.join(" ", token.scope().subscribe()));
            System.out.println("publish:      " + String.join(" ", token.scope().publish()));
            System.out.println("issued:       " + token.issuedAt());
            System.out.println("expires:      " + token.expiresAt());
            String status = status(token);
            System.out.println("status:       " + status);
            return status.equals("valid") ? 0 : 1;
        }

        private String status(OrgToken token) throws IOException {
            if (!Files.exists(store.keyFile())) {
                return "signature not checked (no key at " + store.keyFile() + ")";
            }
            try {
                new TokenCodec(TokenKey.load(store.keyFile())).verify(compact.strip());
            } catch (InvalidTokenException e) {
                return "invalid: " + e.getMessage();
            }
            if (!token.expiresAt().isAfter(Instant.now())) {
                return "expired";
            }
            return Revocations.read(store.revocationFile()).isRevoked(token.id()) ? "revoked" : "valid";
        }
    }

    /** {@code petrel token revoke}: adds a token's id to the revocation list that a running server follows. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token by id or by the token itself; a running server ends its connections.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Store store;

        @Parameters(paramLabel = "ID_OR_TOKEN", description = "The token's id, or the token.")
        String idOrToken;

        @Override
        public Integer call() throws IOException {
            String id = idOrToken.strip();
            Instant expires = null;
            if (TokenCodec.looksLikeToken(id)) {
                try {
                    OrgToken token = TokenCodec.decode(id);
                    id = token.id();
                    expires = token.expiresAt();
                } catch (InvalidTokenException e) {
                    System.err.println("petrel token: not an org token: " + e.getMessage());
                    return 1;
                }
            }
            try {
                boolean added = Revocations.revoke(store.revocationFile(), id, expires, Instant.now());
                System.err.println(added ? "revoked " + id : id + " was already revoked");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("petrel token: " + e.getMessage());
                return 2;
            }
        }
    }
}
