package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Validates the signatures of a PDF against configured trust anchors, offline: for each signature,
 * that its byte range covers the file but its own {@code /Contents}, that the CMS signature matches
 * the bytes covered and the signer's certificate (signing-certificate-v2 included), that its time
 * stamp (if any) is a valid token over the signature by a trusted TSA, that the signer's chain
 * leads to a trust anchor (PKIX, at the time-stamp's time, or now), and the revocation status of
 * every certificate of those chains from the OCSP responses and CRLs in the document's DSS. Then,
 * that whatever was appended after the last signature changed neither pages nor signatures.
 *
 * <p>Thread-safe; holds no resource. The delivery flow's {@code POST /api/public/verification}
 * calls it with the platform's trust anchors.
 *
 * <pre>{@code
 * ValidationReport report = new PdfSignatureValidator(anchors, Clock.systemUTC()).validate(pdf);
 * if (!report.valid()) ...
 * }</pre>
 */
public final class PdfSignatureValidator {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final List<X509Certificate> anchors;
  private final Clock clock;

  public PdfSignatureValidator(Collection<X509Certificate> anchors, Clock clock) {
    this.anchors = List.copyOf(anchors);
    this.clock = clock;
  }

  /** The verdict on {@code pdf}; a file that is no PDF or whose signatures cannot be read too. */
  public ValidationReport validate(byte[] pdf) {
    List<SignedRevision> revisions;
    ValidationData.Store store;
    try {
      revisions = SignedRevision.all(pdf);
      try (PDDocument document = Loader.loadPDF(pdf)) {
        store = ValidationData.read(document);
      }
    } catch (Exception e) {
      return new ValidationReport(
          List.of(), List.of("the signatures cannot be read: " + e.getMessage()));
    }
    List<SignatureValidation> signatures = new ArrayList<>();
    for (SignedRevision revision : revisions) {
      signatures.add(validate(pdf, revision, store));
    }
    List<String> documentProblems = new ArrayList<>();
    if (revisions.isEmpty()) {
      documentProblems.add("the document is not signed");
    } else {
      documentProblems.addAll(afterLastSignature(pdf, revisions));
    }
    return new ValidationReport(signatures, documentProblems);
  }

  private SignatureValidation validate(
      byte[] pdf, SignedRevision revision, ValidationData.Store store) {
    List<String> invalid = new ArrayList<>(revision.byteRangeProblems);
    List<String> indeterminate = new ArrayList<>();
    Optional<Instant> claimed =
        Optional.ofNullable(revision.dictionary.getSignDate()).map(c -> c.toInstant());
    String subFilter = revision.dictionary.getSubFilter();
    if (!"ETSI.CAdES.detached".equals(subFilter) && !"adbe.pkcs7.detached".equals(subFilter)) {
      invalid.add("unsupported subfilter " + subFilter);
    }
    String signerName = "";
    Optional<Instant> timeStamp = Optional.empty();
    Optional<SignatureValidation.Revocation> revoked = Optional.empty();
    PadesLevel level = PadesLevel.B_B;
    try {
      List<X509Certificate> pool = new ArrayList<>(revision.certificates());
      List<X509Certificate> stored = store.x509();
      X509Certificate signer = signerCertificate(revision.signer, pool);
      signerName = signer.getSubjectX500Principal().getName();
      if (!revision.signer.verify(
          new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer))) {
        invalid.add("the signature does not match the document or the certificate");
      }
      checkSigningCertificate(revision.signer, signer, invalid);

      Instant at = clock.instant();
      List<X509Certificate> tsaPath = List.of();
      if (revision.timeStamp.isPresent()) {
        TimeStampToken token = revision.timeStamp.get();
        List<X509Certificate> tokenCertificates = revision.timeStampCertificates();
        List<X509Certificate> tsaPool = union(tokenCertificates, stored);
        X509Certificate tsa = signerCertificate(token, tsaPool);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
        byte[] imprint =
            MessageDigest.getInstance(
                    token.getTimeStampInfo().getHashAlgorithm().getAlgorithm().getId(), BC)
                .digest(revision.signer.getSignature());
        if (!Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
          invalid.add("the time stamp is not over this signature");
        } else {
          at = token.getTimeStampInfo().getGenTime().toInstant();
          timeStamp = Optional.of(at);
          level = PadesLevel.B_T;
        }
        tsaPath = Chains.path(tsa, tsaPool);
        trusted("the time-stamping authority", tsaPath, at, indeterminate);
      }

      List<X509Certificate> path = Chains.path(signer, union(pool, stored));
      trusted("the signer", path, at, indeterminate);
      boolean complete = true;
      List<X509Certificate> toCheck = new ArrayList<>(path);
      toCheck.addAll(tsaPath);
      List<X509Certificate> everything = union(union(pool, stored), tsaPath);
      for (X509Certificate certificate : toCheck) {
        if (isAnchor(certificate)) {
          continue;
        }
        Optional<X509Certificate> issuer = Chains.issuerOf(certificate, union(everything, anchors));
        if (issuer.isEmpty()) {
          continue; // already reported as untrusted
        }
        Optional<Status> status = status(certificate, issuer.get(), store);
        if (status.isEmpty()) {
          complete = false;
          indeterminate.add(
              "no revocation data in the document for " + certificate.getSubjectX500Principal());
          continue;
        }
        if (status.get().revokedAt().isPresent()) {
          Instant when = status.get().revokedAt().get();
          if (certificate.equals(signer)) {
            revoked = Optional.of(new SignatureValidation.Revocation(when, status.get().reason()));
          }
          if (!when.isAfter(at) || status.get().reason() == CRLReason.keyCompromise) {
            invalid.add(
                certificate.getSubjectX500Principal()
                    + " was revoked on "
                    + when
                    + " (reason "
                    + status.get().reason()
                    + ")");
          }
        }
      }
      if (complete && level == PadesLevel.B_T) {
        level = PadesLevel.B_LT;
      }
    } catch (Exception e) {
      invalid.add("the signature cannot be verified: " + e.getMessage());
    }
    boolean whole = revision.revisionEnd() == pdf.length;
    SignatureValidation.Status status =
        !invalid.isEmpty()
            ? SignatureValidation.Status.INVALID
            : !indeterminate.isEmpty()
                ? SignatureValidation.Status.INDETERMINATE
                : SignatureValidation.Status.VALID;
    List<String> problems = new ArrayList<>(invalid);
    problems.addAll(indeterminate);
    return new SignatureValidation(
        revision.fieldName,
        signerName,
        claimed,
        timeStamp,
        level,
        whole,
        status,
        revoked,
        problems);
  }

  private static X509Certificate signerCertificate(
      SignerInformation signer, Collection<X509Certificate> pool) throws GeneralSecurityException {
    for (X509Certificate certificate : pool) {
      if (signer.getSID().match(new JcaX509CertificateHolder(certificate))) {
        return certificate;
      }
    }
    throw new GeneralSecurityException("the signer's certificate is not in the signature");
  }

  private static X509Certificate signerCertificate(
      TimeStampToken token, Collection<X509Certificate> pool) throws GeneralSecurityException {
    for (X509Certificate certificate : pool) {
      if (token.getSID().match(new JcaX509CertificateHolder(certificate))) {
        return certificate;
      }
    }
    throw new GeneralSecurityException("the time-stamping authority's certificate is missing");
  }

  private static void checkSigningCertificate(
      SignerInformation signer, X509Certificate certificate, List<String> invalid)
      throws GeneralSecurityException {
    Attribute attribute =
        signer.getSignedAttributes() == null
            ? null
            : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (attribute == null) {
      invalid.add("no signing-certificate-v2 attribute");
      return;
    }
    ESSCertIDv2 id =
        SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
    byte[] hash =
        MessageDigest.getInstance(id.getHashAlgorithm().getAlgorithm().getId(), BC)
            .digest(certificate.getEncoded());
    if (!Arrays.equals(hash, id.getCertHash())) {
      invalid.add("the signing-certificate-v2 attribute names another certificate");
    }
  }

  /** PKIX from the path's last certificate to a trust anchor, at {@code at}. */
  private void trusted(String who, List<X509Certificate> path, Instant at, List<String> problems) {
    try {
      X509Certificate last = path.get(path.size() - 1);
      List<X509Certificate> certificates = new ArrayList<>(path);
      if (isAnchor(last)) {
        certificates.remove(certificates.size() - 1);
      } else if (Chains.issuerOf(last, anchors).isEmpty()) {
        problems.add(who + "'s certificate does not lead to a trust anchor");
        return;
      }
      if (certificates.isEmpty()) {
        return;
      }
      Set<TrustAnchor> trustAnchors = new HashSet<>();
      anchors.forEach(anchor -> trustAnchors.add(new TrustAnchor(anchor, null)));
      PKIXParameters parameters = new PKIXParameters(trustAnchors);
      parameters.setRevocationEnabled(false); // from the document's own data, below
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX")
          .validate(
              CertificateFactory.getInstance("X.509").generateCertPath(certificates), parameters);
    } catch (GeneralSecurityException e) {
      problems.add(who + "'s certificate chain is not valid: " + e.getMessage());
    }
  }

  private boolean isAnchor(X509Certificate certificate) {
    return anchors.contains(certificate);
  }

  private record Status(Optional<Instant> revokedAt, int reason) {}

  /** From an OCSP response of the DSS signed by the issuer, else a CRL of the issuer. */
  private static Optional<Status> status(
      X509Certificate certificate, X509Certificate issuer, ValidationData.Store store) {
    for (byte[] der : store.ocsps()) {
      try {
        OCSPResp response = new OCSPResp(der);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
          continue;
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        for (SingleResp single : basic.getResponses()) {
          if (!single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
              || !single
                  .getCertID()
                  .matchesIssuer(
                      new JcaX509CertificateHolder(issuer),
                      new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())) {
            continue;
          }
          if (!signedByIssuerOrDelegate(basic, issuer)) {
            continue;
          }
          CertificateStatus status = single.getCertStatus();
          if (status == CertificateStatus.GOOD) {
            return Optional.of(new Status(Optional.empty(), 0));
          }
          if (status instanceof RevokedStatus revoked) {
            return Optional.of(
                new Status(
                    Optional.of(revoked.getRevocationTime().toInstant()),
                    revoked.hasRevocationReason()
                        ? revoked.getRevocationReason()
                        : CRLReason.unspecified));
          }
        }
      } catch (Exception e) {
        // not a usable response for this certificate: try the others
      }
    }
    for (byte[] der : store.crls()) {
      try {
        X509CRL crl = Chains.crl(der);
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          continue;
        }
        crl.verify(issuer.getPublicKey());
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry == null) {
          return Optional.of(new Status(Optional.empty(), 0));
        }
        return Optional.of(
            new Status(
                Optional.of(entry.getRevocationDate().toInstant()),
                entry.getRevocationReason() == null
                    ? CRLReason.unspecified
                    : entry.getRevocationReason().ordinal()));
      } catch (GeneralSecurityException e) {
        // not this issuer's, or altered: try the others
      }
    }
    return Optional.empty();
  }

  private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer)
      throws Exception {
    JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
    if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
      return true;
    }
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (X509CertificateHolder holder : basic.getCerts()) {
      X509Certificate delegate = converter.getCertificate(holder);
      if (Chains.signedBy(delegate, issuer)
          && delegate.getExtendedKeyUsage() != null
          && delegate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9")
          && basic.isSignatureValid(verifiers.build(delegate.getPublicKey()))) {
        return delegate.getExtensionValue(Extension.basicConstraints.getId()) == null
            || delegate.getBasicConstraints() < 0;
      }
    }
    return false;
  }

  /**
   * What came after the last signature may add validation data (DSS) only: the pages, their
   * contents and the signature fields must be those the last signature covered.
   */
  private static List<String> afterLastSignature(byte[] pdf, List<SignedRevision> revisions) {
    long end = revisions.stream().mapToLong(SignedRevision::revisionEnd).max().orElse(0);
    if (end == pdf.length) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) end));
        PDDocument current = Loader.loadPDF(pdf)) {
      if (signed.getNumberOfPages() != current.getNumberOfPages()) {
        problems.add("pages were added or removed after the last signature");
        return problems;
      }
      for (int i = 0; i < signed.getNumberOfPages(); i++) {
        if (!Arrays.equals(contents(signed.getPage(i)), contents(current.getPage(i)))
            || signed.getPage(i).getAnnotations().size()
                != current.getPage(i).getAnnotations().size()) {
          problems.add("page " + (i + 1) + " was changed after the last signature");
        }
      }
      if (signed.getSignatureFields().size() != current.getSignatureFields().size()) {
        problems.add("signature fields were changed after the last signature");
      }
    } catch (IOException e) {
      problems.add("what follows the last signature cannot be read: " + e.getMessage());
    }
    return problems;
  }

  private static byte[] contents(PDPage page) throws IOException {
    try (InputStream in = page.getContents()) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static List<X509Certificate> union(
      Collection<X509Certificate> first, Collection<X509Certificate> second) {
    List<X509Certificate> all = new ArrayList<>(first);
    for (X509Certificate certificate : second) {
      if (!all.contains(certificate)) {
        all.add(certificate);
      }
    }
    return all;
  }
}
