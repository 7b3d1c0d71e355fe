package ma.rokhsa.infrastructure.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The platform's audit seal: an ECDSA P-256 key pair that signs the audit checkpoints the platform
 * takes itself (ADR 0039). Its private key is kept in the database sealed under {@code
 * rokhsa.auth.token-key-secret} (AES-256-GCM, as the token keys), so that whoever can write SQL —
 * the threat checkpoints answer — cannot sign a checkpoint of a rewritten chain; its public key is
 * published for auditors to pin once ({@code GET /api/admin/audit/seal-key}).
 *
 * <p>Signatures are DER-encoded {@code SHA256withECDSA}, which {@code openssl dgst -sha256 -verify
 * seal.pem -signature checkpoint.sig checkpoint.txt} checks.
 *
 * <pre>{@code
 * AuditSeal seal = AuditSeal.open(dataSource, settings.tokenKeySecret());
 * byte[] signature = seal.sign(text);
 * AuditSeal.verifies(seal.publicKey(), text, signature); // true
 * }</pre>
 *
 * <p>Holds the keys in memory; nothing to close.
 */
public final class AuditSeal {

  private static final String ID = "audit-seal-v1";
  private static final String ALGORITHM = "SHA256withECDSA";

  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  private AuditSeal(PublicKey publicKey, PrivateKey privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /**
   * The seal kept in the database, made on first use (several nodes at once make one: the first
   * insert wins, the others read it).
   *
   * @throws IllegalStateException if the database cannot be read, or the key is sealed under
   *     another secret
   */
  public static AuditSeal open(DataSource database, Optional<String> secret) {
    Objects.requireNonNull(database, "database");
    TokenKeyCipher cipher = TokenKeyCipher.of("rokhsa-audit-seal-v1", "the audit seal", secret);
    try (Connection c = database.getConnection()) {
      Optional<AuditSeal> stored = read(c, cipher);
      if (stored.isPresent()) {
        return stored.get();
      }
      KeyPair made = generate();
      try (PreparedStatement i =
          c.prepareStatement(
              "insert into audit_seal_key (id, created_at, public_key, private_key)"
                  + " values (?, ?, ?, ?)")) {
        i.setString(1, ID);
        i.setTimestamp(2, Timestamp.from(Instant.now()));
        i.setBytes(3, made.getPublic().getEncoded());
        i.setString(
            4, cipher.seal(ID, Base64.getEncoder().encodeToString(made.getPrivate().getEncoded())));
        i.executeUpdate();
        if (!c.getAutoCommit()) {
          c.commit();
        }
        return new AuditSeal(made.getPublic(), made.getPrivate());
      } catch (SQLException raced) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return read(c, cipher).orElseThrow(() -> raced);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read or make the audit seal", e);
    }
  }

  private static Optional<AuditSeal> read(Connection c, TokenKeyCipher cipher) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select public_key, private_key from audit_seal_key where id = ?")) {
      q.setString(1, ID);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        KeyFactory ec = KeyFactory.getInstance("EC");
        PublicKey publicKey = ec.generatePublic(new X509EncodedKeySpec(rs.getBytes(1)));
        PrivateKey privateKey =
            ec.generatePrivate(
                new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(cipher.open(ID, rs.getString(2)))));
        return Optional.of(new AuditSeal(publicKey, privateKey));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the audit seal stored is not an EC key pair", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is part of every JDK", e);
    }
  }

  /** Signs bytes: a DER-encoded ECDSA signature over their SHA-256. */
  public byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal", e);
    }
  }

  /** Whether {@code signature} is the seal's over {@code data}. */
  public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as a PEM {@code PUBLIC KEY} block, for auditors and openssl. */
  public String publicKeyPem() {
    return pem(publicKey);
  }

  /** A public key as a PEM {@code PUBLIC KEY} block. */
  public static String pem(PublicKey key) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer =
        new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
      writer.writeObject(key);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a PEM {@code PUBLIC KEY} block (an auditor's pinned copy of the seal).
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static PublicKey readPem(String pem) {
    try (org.bouncycastle.openssl.PEMParser parser =
        new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
      Object read = parser.readObject();
      if (!(read instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info)) {
        throw new IllegalArgumentException("not a PEM public key");
      }
      return new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPublicKey(info);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a PEM public key: " + e.getMessage(), e);
    }
  }
}
