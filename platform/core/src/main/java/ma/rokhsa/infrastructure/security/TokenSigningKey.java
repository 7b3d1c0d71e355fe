package ma.rokhsa.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Base64;

/**
 * The RSA key pair (2048 bits or more) that signs access tokens with RS256, named by a key id
 * ({@code kid}, the key's RFC 7638 thumbprint when generated here) that tokens carry in their
 * header so that verifiers pick the right public key.
 *
 * <pre>{@code
 * TokenSigningKey key = TokenSigningKey.generate();
 * store(key.keyId(), key.toPrivateJwkJson());             // once, in the database
 * TokenSigningKey same = TokenSigningKey.fromPrivateJwkJson(loaded);
 * }</pre>
 *
 * <p>Holds the private key in memory; immutable and thread-safe, with nothing to close. Whoever
 * creates or loads it owns the secret: in the platform, the key store that keeps it in the database
 * and hands it to the {@link TokenIssuer}. The JSON from {@link #toPrivateJwkJson()} is the secret
 * itself: store it protected and never log it ({@link #toString()} shows only the key id). What may
 * be published is {@link #publicJwksJson()} and {@link #publicKeyPem()}.
 */
public final class TokenSigningKey {

  private static final int KEY_SIZE_BITS = 2048;

  private final RSAKey jwk;

  private TokenSigningKey(RSAKey jwk) {
    this.jwk = jwk;
  }

  /** A new random key pair, its key id the thumbprint of its public key. */
  public static TokenSigningKey generate() {
    try {
      return new TokenSigningKey(
          new RSAKeyGenerator(KEY_SIZE_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key pair", e);
    }
  }

  /**
   * Reads a key written by {@link #toPrivateJwkJson()}.
   *
   * @throws IllegalArgumentException if the value is not a private RSA JWK of at least 2048 bits
   *     with a key id, meant for RS256 signatures (the message never repeats the value, which is a
   *     secret)
   */
  public static TokenSigningKey fromPrivateJwkJson(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("token signing key: no JWK given");
    }
    RSAKey parsed;
    try {
      parsed = RSAKey.parse(json);
    } catch (ParseException | RuntimeException e) {
      // The parser's message may quote the value: keep only its kind.
      throw new IllegalArgumentException(
          "token signing key: not an RSA JWK (" + e.getClass().getSimpleName() + ")");
    }
    if (!parsed.isPrivate()) {
      throw new IllegalArgumentException("token signing key: the JWK has no private key");
    }
    if (parsed.getKeyID() == null || parsed.getKeyID().isBlank()) {
      throw new IllegalArgumentException("token signing key: the JWK has no key id (kid)");
    }
    if (parsed.size() < KEY_SIZE_BITS) {
      throw new IllegalArgumentException(
          "token signing key: " + parsed.size() + " bits, RS256 needs at least " + KEY_SIZE_BITS);
    }
    if (parsed.getKeyUse() != null && !KeyUse.SIGNATURE.equals(parsed.getKeyUse())) {
      throw new IllegalArgumentException(
          "token signing key: the JWK is for use " + parsed.getKeyUse() + ", not sig");
    }
    if (parsed.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(parsed.getAlgorithm())) {
      throw new IllegalArgumentException(
          "token signing key: the JWK is for " + parsed.getAlgorithm() + ", not RS256");
    }
    return new TokenSigningKey(
        new RSAKey.Builder(parsed).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build());
  }

  /** The key id ({@code kid}) tokens signed with this key carry in their header. */
  public String keyId() {
    return jwk.getKeyID();
  }

  /** The whole key pair as a JWK, private parameters included: a secret, for storage only. */
  public String toPrivateJwkJson() {
    return jwk.toJSONString();
  }

  /**
   * A JWK Set holding only the public key ({@code kty}, {@code n}, {@code e}, {@code use=sig},
   * {@code alg=RS256}, {@code kid}): what verifiers fetch, safe to publish.
   */
  public String publicJwksJson() {
    return new JWKSet(jwk.toPublicJWK()).toString();
  }

  /** The public key as an X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}). */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public key, to verify tokens with. */
  public RSAPublicKey publicKey() {
    try {
      return jwk.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("token signing key: unreadable public key", e);
    }
  }

  /** The key pair as a Nimbus JWK, for signing within this package. */
  RSAKey jwk() {
    return jwk;
  }

  @Override
  public String toString() {
    return "TokenSigningKey[kid=" + keyId() + "]";
  }
}
