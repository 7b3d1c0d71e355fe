package ma.rokhsa.infrastructure.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Checks that a plugin zip is signed by a vendor the platform trusts: a detached CMS signature
 * (PKCS #7) over the zip's bytes, whose signer certificate is one of the trust anchors or is issued
 * by one, valid now. Installing a plugin runs its vendor's code inside the platform.
 *
 * <p>Holds its own BouncyCastle provider instance (never registered JVM-wide: a webapp that
 * registers one leaks it across redeployments).
 */
final class PluginSignatures {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  /**
   * The SHA-256 fingerprint of the development signing certificate committed in {@code
   * plugins/src/dev-signing/}: its private key is public, so trusting it is for development only.
   */
  static final String DEVELOPMENT_CERTIFICATE_SHA256 =
      "9546231b8829d1012a8a20d1b0416fe8af78104191f17e42f44371c6ec2838a3";

  private final List<X509Certificate> anchors;

  private PluginSignatures(List<X509Certificate> anchors) {
    this.anchors = List.copyOf(anchors);
  }

  /** Trusts the certificates of a PEM file (empty: trusts no one). */
  static PluginSignatures trusting(Optional<Path> pemFile) {
    if (pemFile.isEmpty()) {
      return new PluginSignatures(List.of());
    }
    try (InputStream in = Files.newInputStream(pemFile.get())) {
      List<X509Certificate> anchors = new ArrayList<>();
      Collection<? extends java.security.cert.Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      for (java.security.cert.Certificate certificate : certificates) {
        anchors.add((X509Certificate) certificate);
      }
      return new PluginSignatures(anchors);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "rokhsa.plugins.trust-anchors: cannot read certificates from " + pemFile.get(), e);
    }
  }

  /** Whether the development signing certificate is among the trust anchors. */
  boolean trustsDevelopmentKey() {
    for (X509Certificate anchor : anchors) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(anchor.getEncoded());
        if (HexFormat.of().formatHex(digest).equals(DEVELOPMENT_CERTIFICATE_SHA256)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 and DER encoding are part of every JDK", e);
      }
    }
    return false;
  }

  /**
   * Who signed the zip, if the signature is valid and the signer trusted; otherwise why not.
   *
   * @return the signer's subject
   * @throws SecurityException naming the reason the zip is refused
   */
  String verify(byte[] zip, byte[] signature, Instant now) {
    if (signature == null || signature.length == 0) {
      throw new SecurityException("the plugin is not signed");
    }
    try {
      CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(zip), signature);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        throw new SecurityException("the signature must have exactly one signer");
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Selector<X509CertificateHolder> sid =
          (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
      Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(sid);
      if (matches.isEmpty()) {
        throw new SecurityException("the signature carries no certificate of its signer");
      }
      X509CertificateHolder holder = matches.iterator().next();
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
        throw new SecurityException("the zip does not match its signature (tampered?)");
      }
      X509Certificate certificate =
          new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
      certificate.checkValidity(Date.from(now));
      if (!trusted(certificate)) {
        throw new SecurityException(
            "the signer " + certificate.getSubjectX500Principal().getName() + " is not trusted");
      }
      return certificate.getSubjectX500Principal().getName();
    } catch (CMSException e) {
      throw new SecurityException(
          e.getMessage() != null && e.getMessage().contains("message-digest")
              ? "the zip does not match its signature (tampered?)"
              : "the signature cannot be read: " + e.getMessage());
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new SecurityException("the signature cannot be checked: " + e.getMessage());
    }
  }

  /**
   * The subject of the certificate that made a detached signature, read without checking it (the
   * signature was checked when its zip was accepted): how an upgrade is compared with the version
   * it replaces.
   *
   * @return the signer's subject (whose {@code equals} compares canonical forms); empty for no
   *     signature or one that cannot be read
   */
  static Optional<javax.security.auth.x500.X500Principal> signerOf(byte[] signature) {
    if (signature == null || signature.length == 0) {
      return Optional.empty();
    }
    try {
      CMSSignedData signed = new CMSSignedData(signature);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Selector<X509CertificateHolder> sid =
          (Selector<X509CertificateHolder>) (Selector<?>) signers.iterator().next().getSID();
      Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(sid);
      if (matches.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new JcaX509CertificateConverter()
              .setProvider(BC)
              .getCertificate(matches.iterator().next())
              .getSubjectX500Principal());
    } catch (CMSException | GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private boolean trusted(X509Certificate certificate) {
    for (X509Certificate anchor : anchors) {
      if (anchor.equals(certificate)) {
        return true;
      }
      if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        try {
          certificate.verify(anchor.getPublicKey());
          return true;
        } catch (GeneralSecurityException notThisOne) {
          // try the next anchor
        }
      }
    }
    return false;
  }
}
