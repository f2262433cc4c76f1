package io.petrel.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.petrel.security.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's token signing key: an EC P-256 key pair for ES256, kept as a JWK file. When no key is
 * configured, one is generated in the data directory on first use, readable by its owner only; the CLI and the
 * server find it there, so {@code petrel token create} signs tokens that the server accepts.
 */
public final class TokenKey {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKey.class);
    /** Where the key lives in the data directory when none is configured. */
    public static final String DEFAULT_FILE = "keys/token-signing-key.jwk";

    private TokenKey() {
    }

    /** The key at a path, generated there first if the file does not exist. */
    public static ECKey loadOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(Instant.now())).generate();
            SecretFiles.write(file, key.toJSONString());
            LOG.info("Generated a token signing key (ES256) in {}", file);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** The key at a path; fails if it is missing or not a private EC P-256 JWK. */
    public static ECKey load(Path file) throws IOException {
        try {
            ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
                throw new IOException(file + ": the token key must be a private EC P-256 JWK");
            }
            return key;
        } catch (ParseException e) {
            throw new IOException(file + ": not a JWK: " + e.getMessage(), e);
        }
    }
}
