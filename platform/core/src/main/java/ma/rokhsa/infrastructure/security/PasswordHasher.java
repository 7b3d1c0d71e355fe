package ma.rokhsa.infrastructure.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Strings;

/**
 * Salted, deliberately slow password hashes: Argon2id with OWASP's parameters (19 MiB of memory, 2
 * passes, 1 lane, a 16-byte random salt, a 32-byte hash), written in the PHC string format that
 * other Argon2 implementations read and write:
 *
 * <pre>{@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}</pre>
 *
 * (salt and hash in Base64 without padding). The encoded string carries its own parameters, so
 * hashes made with older parameters still verify; {@link #needsRehash} tells when to store a new
 * one after a successful login.
 *
 * <pre>{@code
 * String stored = hasher.hash(password);
 * boolean ok = hasher.verify(password, stored);
 * if (ok && hasher.needsRehash(stored)) { stored = hasher.hash(password); }
 * }</pre>
 *
 * <p>Holds no resource; thread-safe. The caller owns the password arrays it passes in and should
 * clear them when done; the byte copies made here are cleared before each method returns. Each hash
 * or verification allocates its 19 MiB of working memory and takes tens of milliseconds: that is
 * the point, and also why callers should limit login attempts.
 *
 * <p>When a login names an unknown user, verify the password against {@link #dummyHash()} anyway,
 * so that the answer takes as long as for a known user and does not reveal who has an account.
 */
public final class PasswordHasher {

  static final int MEMORY_KIB = 19456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  /**
   * Expert: bounds on the parameters of a stored hash, so that a corrupt or hostile value cannot
   * make a verification allocate gigabytes or run for minutes. Far above any sensible setting.
   */
  private static final int MAX_MEMORY_KIB = 256 * 1024;

  private static final int MAX_ITERATIONS = 32;
  private static final int MAX_PARALLELISM = 16;
  private static final int MIN_SALT_BYTES = 8;
  private static final int MIN_HASH_BYTES = 16;
  private static final int MAX_HASH_BYTES = 64;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final SecureRandom random;

  /** A hasher drawing its salts from a new {@link SecureRandom}. */
  public PasswordHasher() {
    this(new SecureRandom());
  }

  /** Expert: a hasher drawing its salts from the given source. */
  public PasswordHasher(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Hashes a password with a fresh salt and the current parameters.
   *
   * @throws IllegalArgumentException if the password is not valid UTF-16 (a lone surrogate)
   */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Encoded encoded = new Encoded(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, new byte[HASH_BYTES]);
    byte[] passwordBytes = utf8(password);
    try {
      derive(passwordBytes, encoded);
      return encoded.toString();
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
      Arrays.fill(encoded.hash, (byte) 0);
    }
  }

  /**
   * Whether the password matches the encoded hash. Returns false, and never throws, for an encoded
   * value that is null, malformed, of another algorithm, or outside this class's bounds.
   */
  public boolean verify(char[] password, String encoded) {
    Objects.requireNonNull(password, "password");
    Encoded stored = Encoded.parse(encoded);
    if (stored == null) {
      return false;
    }
    byte[] passwordBytes = null;
    Encoded candidate =
        new Encoded(
            stored.memoryKib,
            stored.iterations,
            stored.parallelism,
            stored.salt,
            new byte[stored.hash.length]);
    try {
      passwordBytes = utf8(password);
      derive(passwordBytes, candidate);
      return MessageDigest.isEqual(candidate.hash, stored.hash);
    } catch (RuntimeException e) {
      // A password that is not valid UTF-16, or parameters Bouncy Castle refuses: no match.
      return false;
    } finally {
      if (passwordBytes != null) {
        Arrays.fill(passwordBytes, (byte) 0);
      }
      Arrays.fill(candidate.hash, (byte) 0);
    }
  }

  /**
   * Whether the encoded hash was made with other parameters than the current ones (or cannot be
   * read at all), so that the password should be hashed again once it has been verified.
   */
  public boolean needsRehash(String encoded) {
    Encoded stored = Encoded.parse(encoded);
    return stored == null
        || stored.memoryKib != MEMORY_KIB
        || stored.iterations != ITERATIONS
        || stored.parallelism != PARALLELISM
        || stored.salt.length != SALT_BYTES
        || stored.hash.length != HASH_BYTES;
  }

  /**
   * A valid hash, with the current parameters, of a random password nobody knows. Verifying any
   * password against it costs the same time as against a real hash and returns false.
   */
  public static String dummyHash() {
    return DummyHolder.DUMMY;
  }

  private static void derive(byte[] password, Encoded target) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(target.memoryKib)
            .withIterations(target.iterations)
            .withParallelism(target.parallelism)
            .withSalt(target.salt)
            .build();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      generator.generateBytes(password, target.hash);
    } finally {
      parameters.clear();
    }
  }

  private static byte[] utf8(char[] password) {
    try {
      return Strings.toUTF8ByteArray(password);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("password is not valid UTF-16", e);
    }
  }

  /** The fields of a PHC string for Argon2id version 19. */
  private static final class Encoded {
    final int memoryKib;
    final int iterations;
    final int parallelism;
    final byte[] salt;
    final byte[] hash;

    Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
      this.memoryKib = memoryKib;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.salt = salt;
      this.hash = hash;
    }

    /** The parsed string, or null if it is not one this class can verify. */
    static Encoded parse(String encoded) {
      if (encoded == null) {
        return null;
      }
      Matcher m = PHC.matcher(encoded);
      if (!m.matches()) {
        return null;
      }
      int memory = Integer.parseInt(m.group(1));
      int iterations = Integer.parseInt(m.group(2));
      int parallelism = Integer.parseInt(m.group(3));
      if (parallelism < 1
          || parallelism > MAX_PARALLELISM
          || iterations < 1
          || iterations > MAX_ITERATIONS
          || memory < 8 * parallelism
          || memory > MAX_MEMORY_KIB) {
        return null;
      }
      byte[] salt;
      byte[] hash;
      try {
        salt = B64_DECODER.decode(m.group(4));
        hash = B64_DECODER.decode(m.group(5));
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (salt.length < MIN_SALT_BYTES
          || hash.length < MIN_HASH_BYTES
          || hash.length > MAX_HASH_BYTES) {
        return null;
      }
      return new Encoded(memory, iterations, parallelism, salt, hash);
    }

    @Override
    public String toString() {
      return "$argon2id$v=19$m="
          + memoryKib
          + ",t="
          + iterations
          + ",p="
          + parallelism
          + "$"
          + B64.encodeToString(salt)
          + "$"
          + B64.encodeToString(hash);
    }
  }

  /** Computes the dummy hash once, on first use, rather than when the class loads. */
  private static final class DummyHolder {
    static final String DUMMY;

    static {
      SecureRandom random = new SecureRandom();
      char[] password = new char[32];
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('!' + random.nextInt(94));
      }
      DUMMY = new PasswordHasher(random).hash(password);
      Arrays.fill(password, '\0');
    }
  }
}
