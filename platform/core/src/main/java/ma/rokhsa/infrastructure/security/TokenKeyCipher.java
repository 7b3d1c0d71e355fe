package ma.rokhsa.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the token signing key's private JWK out of the database in clear: AES-256-GCM under a key
 * derived (SHA-256) from the secret {@code rokhsa.auth.token-key-secret}, written as {@code
 * enc:v1:<base64 of nonce and ciphertext>}, the key id as associated data so that a row's value
 * cannot be moved to another row. Without a secret the JWK stays in clear (development; a
 * production start warns).
 *
 * <pre>{@code
 * TokenKeyCipher cipher = TokenKeyCipher.of(settings.tokenKeySecret());
 * String stored = cipher.seal(kid, jwkJson);
 * String jwkJson = cipher.open(kid, stored);
 * }</pre>
 *
 * <p>Holds the derived key in memory; nothing to close.
 */
final class TokenKeyCipher {

  static final String PREFIX = "enc:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Optional<SecretKeySpec> key;
  private final String what;
  private final SecureRandom random = new SecureRandom();

  private TokenKeyCipher(Optional<SecretKeySpec> key, String what) {
    this.key = key;
    this.what = what;
  }

  /** A cipher for this secret (at least 16 characters), or one that keeps values in clear. */
  static TokenKeyCipher of(Optional<String> secret) {
    return of("rokhsa-token-key-v1", "the token signing key", secret);
  }

  /**
   * A cipher for another kind of value sealed under the same secret (the second factors' secrets,
   * ADR 0032): {@code purpose} goes into the key's derivation, so that values of one kind never
   * open as another.
   */
  static TokenKeyCipher of(String purpose, String what, Optional<String> secret) {
    if (secret.isEmpty() || secret.get().isBlank()) {
      return new TokenKeyCipher(Optional.empty(), what);
    }
    if (secret.get().length() < 16) {
      throw new IllegalArgumentException(
          "rokhsa.auth.token-key-secret must be at least 16 characters");
    }
    try {
      byte[] derived =
          MessageDigest.getInstance("SHA-256")
              .digest((purpose + ":" + secret.get()).getBytes(StandardCharsets.UTF_8));
      return new TokenKeyCipher(Optional.of(new SecretKeySpec(derived, "AES")), what);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether values are encrypted. */
  boolean encrypts() {
    return key.isPresent();
  }

  /** Whether a stored value is encrypted. */
  static boolean sealed(String stored) {
    return stored.startsWith(PREFIX);
  }

  /** The value to store: encrypted when there is a secret, else as given. */
  String seal(String kid, String plain) {
    if (key.isEmpty()) {
      return plain;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * The private JWK of a stored value.
   *
   * @throws IllegalStateException if it is encrypted and there is no secret, or another secret
   */
  String open(String kid, String stored) {
    if (!sealed(stored)) {
      return stored;
    }
    if (key.isEmpty()) {
      throw new IllegalStateException(
          what + " " + kid + " is encrypted: configure rokhsa.auth.token-key-secret to read it");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.get(),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(all, NONCE_BYTES)));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          what
              + " "
              + kid
              + " cannot be decrypted: rokhsa.auth.token-key-secret is not the one it was"
              + " sealed with, or the stored value was changed");
    }
  }
}
