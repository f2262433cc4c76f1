package io.petrel.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.petrel.api.auth.TopicScope;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs and verifies org tokens as compact JWTs:
 * <pre>
 * header  {"alg":"ES256","typ":"petrel-org+jwt","kid":...}
 * claims  {"iss":"petrel","sub":"app1","org":"acme","pub":[...],"subs":[...],"op":false,
 *          "jti":"...","iat":...,"exp":...}
 * </pre>
 * The {@code typ} header keeps other JWTs signed with the same key from passing as org tokens.
 */
public final class TokenCodec {
    /** The issuer claim of every org token. */
    public static final String ISSUER = "petrel";
    private static final JOSEObjectType TYPE = new JOSEObjectType("petrel-org+jwt");

    private final ECKey key;
    private final ECDSAVerifier verifier;

    public TokenCodec(ECKey key) {
        this.key = key;
        try {
            this.verifier = new ECDSAVerifier(key.toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable EC key", e);
        }
    }

    /** The compact, signed form of a token. */
    public String sign(OrgToken token) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(token.subject())
                .jwtID(token.id())
                .issueTime(Date.from(token.issuedAt()))
                .expirationTime(Date.from(token.expiresAt()))
                .claim("org", token.organization())
                .claim("pub", token.scope().publish())
                .claim("subs", token.scope().subscribe())
                .claim("op", token.operator())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies a token's signature and reads it. Expiry is not checked here: callers compare
     * {@link OrgToken#expiresAt()} with their clock.
     *
     * @throws InvalidTokenException if it is not an org token signed with this key
     */
    public OrgToken verify(String compact) throws InvalidTokenException {
        SignedJWT jwt = parseSigned(compact);
        try {
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier)) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("bad signature: " + e.getMessage());
        }
        return read(jwt);
    }

    /** Reads a token's claims without checking its signature, for {@code petrel token inspect}. */
    public static OrgToken decode(String compact) throws InvalidTokenException {
        return read(parseSigned(compact));
    }

    private static SignedJWT parseSigned(String compact) throws InvalidTokenException {
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
    }

    private static OrgToken read(SignedJWT jwt) throws InvalidTokenException {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new InvalidTokenException("not issued by petrel");
            }
            String id = claims.getJWTID();
            String subject = claims.getSubject();
            String organization = claims.getStringClaim("org");
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            List<String> publish = claims.getStringListClaim("pub");
            List<String> subscribe = claims.getStringListClaim("subs");
            Boolean operator = claims.getBooleanClaim("op");
            if (id == null || subject == null || organization == null || issued == null || expires == null) {
                throw new InvalidTokenException("missing claims");
            }
            return new OrgToken(id, subject, organization,
                    new TopicScope(publish == null ? List.of() : publish, subscribe == null ? List.of() : subscribe),
                    Boolean.TRUE.equals(operator), issued.toInstant(), expires.toInstant());
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("malformed claims: " + e.getMessage());
        }
    }

    /** Whether a user name looks like a compact JWS, so the token authenticator should take it. */
    public static boolean looksLikeToken(String username) {
        return username.startsWith("eyJ") && username.chars().filter(c -> c == '.').count() == 2;
    }

    /** A new token id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
