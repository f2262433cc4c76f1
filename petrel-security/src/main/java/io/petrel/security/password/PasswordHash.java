package io.petrel.security.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash as {@code mosquitto_passwd} writes it, so that files move between Mosquitto and Petrel:
 * <ul>
 *   <li>{@code $7$<iterations>$<salt>$<hash>}: PBKDF2-HMAC-SHA512 of the password with the salt, 64 bytes;
 *       Mosquitto's default since 2.0;</li>
 *   <li>{@code $6$<salt>$<hash>}: SHA-512 of the password followed by the salt; Mosquitto 1.6 and earlier.</li>
 * </ul>
 * The salt (12 random bytes) and the hash are standard Base64 with padding.
 *
 * @param iterations the PBKDF2 iteration count, or 0 for the {@code $6$} form
 * @param salt the salt bytes
 * @param hash the hash bytes
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    /** The iterations {@code petrel passwd} uses: ten times Mosquitto's 101, still about a millisecond. */
    public static final int DEFAULT_ITERATIONS = 1000;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Parses the hash field of a password file line.
     *
     * @throws IllegalArgumentException if it is not a {@code $6$} or {@code $7$} hash
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.split("\\$", -1);
        try {
            if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("6")) {
                return new PasswordHash(0, decode(parts[2]), decode(parts[3]));
            }
            if (parts.length == 5 && parts[0].isEmpty() && parts[1].equals("7")) {
                int iterations = Integer.parseInt(parts[2]);
                if (iterations < 1) {
                    throw new IllegalArgumentException("iteration count must be positive");
                }
                return new PasswordHash(iterations, decode(parts[3]), decode(parts[4]));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed password hash: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("not a $6$ or $7$ password hash");
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty salt or hash");
        }
        return bytes;
    }

    /** A new PBKDF2-SHA512 hash of a password with a fresh random salt. */
    public static PasswordHash create(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt,
                iterations, HASH_BYTES));
    }

    /** Whether a password matches, compared in constant time. This is slow on purpose: call it off the loop. */
    public boolean matches(byte[] password) {
        if (password.length == 0) {
            // HMAC refuses an empty key, and an empty password is no password.
            return false;
        }
        byte[] computed = iterations == 0 ? sha512(password, salt) : pbkdf2(password, salt, iterations, hash.length);
        return MessageDigest.isEqual(computed, hash);
    }

    /** The hash in the file's form. */
    public String format() {
        Base64.Encoder base64 = Base64.getEncoder();
        return iterations == 0
                ? "$6$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash)
                : "$7$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] sha512(byte[] password, byte[] salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            digest.update(password);
            digest.update(salt);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /**
     * PBKDF2-HMAC-SHA512 over the password's bytes. The JDK's key spec takes characters and hashes their UTF-8
     * encoding, which gives back the client's bytes for every well-formed UTF-8 password, as passwords typed
     * into {@code mosquitto_passwd} are.
     */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
