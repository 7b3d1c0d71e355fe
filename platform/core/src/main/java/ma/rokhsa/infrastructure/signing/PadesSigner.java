package ma.rokhsa.infrastructure.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Signs PDF documents at PAdES baseline level B-B, B-T or B-LT (ETSI EN 319 142-1; ADR 0018):
 * subfilter {@code ETSI.CAdES.detached}, SHA-256, signed attributes content-type, message-digest,
 * CMS algorithm protection and signing-certificate-v2 (no signing-time: the claimed time is the
 * dictionary's {@code /M}). B-T adds a signature time stamp from the {@link TimeStampClient}; B-LT
 * then appends, in a second incremental update, a DSS dictionary with every certificate of the
 * signer's and the TSA's chains and an OCSP response or CRL for each one that is not a root.
 *
 * <p>Each signature is an incremental update: a document signed again (a visa, then the authority's
 * signature) keeps its earlier signatures valid. No certification (DocMDP) signature is made, so
 * later signatures and validation data are always allowed.
 *
 * <p>Thread-safe, holds no resource.
 *
 * <pre>{@code
 * PadesSigner signer = new PadesSigner(Optional.of(tsa), Optional.of(revocation), Clock.systemUTC());
 * byte[] signed = signer.sign(pdf, key, details, PadesLevel.B_LT);
 * }</pre>
 */
public final class PadesSigner {

  /** Room reserved for the CMS in {@code /Contents}, in bytes (a chain, a time stamp, margin). */
  static final int SIGNATURE_SIZE = 32 * 1024;

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<TimeStampClient> timeStamps;
  private final Optional<RevocationSource> revocation;
  private final Clock clock;

  /**
   * @param timeStamps the TSA, needed for B-T and B-LT
   * @param revocation where OCSP responses and CRLs come from, needed for B-LT
   */
  public PadesSigner(
      Optional<TimeStampClient> timeStamps, Optional<RevocationSource> revocation, Clock clock) {
    this.timeStamps = timeStamps;
    this.revocation = revocation;
    this.clock = clock;
  }

  /**
   * Signs {@code pdf} (which may carry signatures already) with {@code key} at {@code level}.
   *
   * @throws SigningException if the key, the TSA or the revocation sources fail, or the signer's
   *     certificate is revoked
   */
  public byte[] sign(byte[] pdf, SigningKey key, SignatureDetails details, PadesLevel level) {
    if (level != PadesLevel.B_B && timeStamps.isEmpty()) {
      throw new SigningException(level.label() + " needs a time-stamping authority");
    }
    if (level == PadesLevel.B_LT && revocation.isEmpty()) {
      throw new SigningException("B-LT needs a source of revocation data");
    }
    List<X509Certificate> chain = key.chain();
    Map<String, byte[]> ocsps = new LinkedHashMap<>();
    Map<String, byte[]> crls = new LinkedHashMap<>();
    if (level == PadesLevel.B_LT) {
      // Asked before signing as well: a revoked certificate must not sign at all.
      collectRevocation(chain, ocsps, crls);
    }
    byte[] signed = signature(pdf, key, details, level != PadesLevel.B_B);
    if (level != PadesLevel.B_LT) {
      return signed;
    }
    List<X509Certificate> certificates = new ArrayList<>(chain);
    timeStampCertificates(signed)
        .forEach(
            certificate -> {
              if (!certificates.contains(certificate)) {
                certificates.add(certificate);
              }
            });
    ocsps.clear();
    crls.clear();
    collectRevocation(certificates, ocsps, crls);
    try {
      return ValidationData.append(signed, certificates, ocsps.values(), crls.values());
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningException("adding the validation data failed", e);
    }
  }

  private byte[] signature(
      byte[] pdf, SigningKey key, SignatureDetails details, boolean timeStamped) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature dictionary = new PDSignature();
      dictionary.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      dictionary.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      dictionary.setName(details.signerName());
      dictionary.setReason(details.reason());
      dictionary.setLocation(details.location());
      Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      now.setTimeInMillis(clock.millis());
      dictionary.setSignDate(now);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setPreferredSignatureSize(SIGNATURE_SIZE);
        document.addSignature(dictionary, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 3 * SIGNATURE_SIZE);
        ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
        byte[] cms = cms(external.getContent().readAllBytes(), key, timeStamped);
        if (cms.length > SIGNATURE_SIZE) {
          throw new SigningException(
              "the signature needs "
                  + cms.length
                  + " bytes, more than the "
                  + SIGNATURE_SIZE
                  + " reserved");
        }
        external.setSignature(cms);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new SigningException("signing the PDF failed", e);
    }
  }

  /** The detached CAdES signature of {@code content}, time-stamped if asked. */
  private byte[] cms(byte[] content, SigningKey key, boolean timeStamped) throws IOException {
    X509Certificate signer = key.chain().get(0);
    String algorithm = algorithm(signer);
    try {
      ContentSigner contentSigner = new KeySigner(key, algorithm);
      CMSAttributeTableGenerator signedAttributes =
          new PadesSignedAttributes(signingCertificateV2(signer));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .setSignedAttributeGenerator(signedAttributes)
              .build(contentSigner, signer));
      generator.addCertificates(new JcaCertStore(key.chain()));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
      if (timeStamped) {
        signed = withTimeStamp(signed);
      }
      return signed.getEncoded(ASN1Encoding.DER);
    } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
      throw new SigningException("making the CMS signature failed", e);
    }
  }

  private CMSSignedData withTimeStamp(CMSSignedData signed)
      throws IOException, GeneralSecurityException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
    TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
    requests.setCertReq(true);
    BigInteger nonce = new BigInteger(64, RANDOM);
    TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, imprint, nonce);
    TimeStampResponse response = timeStamps.orElseThrow().timestamp(request);
    try {
      response.validate(request);
    } catch (TSPException e) {
      throw new SigningException("the time-stamping authority's answer is not valid", e);
    }
    TimeStampToken token = response.getTimeStampToken();
    if (token == null) {
      throw new SigningException(
          "the time-stamping authority refused: " + response.getStatusString());
    }
    AttributeTable unsigned =
        new AttributeTable(
            new Attribute(
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token.getEncoded(ASN1Encoding.DER)))));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }

  /** The certificates in the signature time stamps of the last signature of {@code pdf}. */
  private static List<X509Certificate> timeStampCertificates(byte[] pdf) {
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (SignedRevision revision : SignedRevision.all(pdf)) {
        revision.timeStampCertificates().forEach(certificates::add);
      }
      return certificates;
    } catch (IOException | GeneralSecurityException | CMSException | TSPException e) {
      throw new SigningException("reading the time stamp back failed", e);
    }
  }

  /** An OCSP response (or else a CRL) for each certificate that is not self-signed. */
  private void collectRevocation(
      List<X509Certificate> certificates, Map<String, byte[]> ocsps, Map<String, byte[]> crls) {
    RevocationSource source = revocation.orElseThrow();
    for (X509Certificate certificate : certificates) {
      if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        continue;
      }
      Optional<X509Certificate> issuer = Chains.issuerOf(certificate, certificates);
      try {
        Optional<byte[]> ocsp =
            issuer.isPresent() ? source.ocsp(certificate, issuer.get()) : Optional.empty();
        if (ocsp.isPresent()) {
          refuseIfRevoked(certificate, ocsp.get());
          ocsps.put(Chains.sha256(ocsp.get()), ocsp.get());
          continue;
        }
        Optional<byte[]> crl = source.crl(certificate);
        if (crl.isEmpty()) {
          throw new SigningException(
              "no revocation data for "
                  + certificate.getSubjectX500Principal()
                  + ": B-LT cannot be reached");
        }
        if (Chains.revokedIn(certificate, crl.get())) {
          throw new SigningException(
              "the certificate of " + certificate.getSubjectX500Principal() + " is revoked");
        }
        crls.put(Chains.sha256(crl.get()), crl.get());
      } catch (IOException | GeneralSecurityException e) {
        throw new SigningException(
            "asking the revocation status of " + certificate.getSubjectX500Principal() + " failed",
            e);
      }
    }
  }

  private static void refuseIfRevoked(X509Certificate certificate, byte[] ocsp) throws IOException {
    try {
      OCSPResp response = new OCSPResp(ocsp);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        throw new SigningException(
            "the OCSP responder of "
                + certificate.getSubjectX500Principal()
                + " answered status "
                + response.getStatus());
      }
      for (SingleResp single : ((BasicOCSPResp) response.getResponseObject()).getResponses()) {
        if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
            && single.getCertStatus() instanceof RevokedStatus) {
          throw new SigningException(
              "the certificate of " + certificate.getSubjectX500Principal() + " is revoked");
        }
      }
    } catch (org.bouncycastle.cert.ocsp.OCSPException e) {
      throw new IOException("the OCSP response cannot be read", e);
    }
  }

  static String algorithm(X509Certificate certificate) {
    return switch (certificate.getPublicKey().getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default ->
          throw new SigningException(
              "unsupported key algorithm " + certificate.getPublicKey().getAlgorithm());
    };
  }

  private static Attribute signingCertificateV2(X509Certificate signer)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(
                    X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
            signer.getSerialNumber());
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial))));
  }

  /** BouncyCastle's defaults plus signing-certificate-v2, less signing-time (PAdES baseline). */
  private record PadesSignedAttributes(Attribute signingCertificate)
      implements CMSAttributeTableGenerator {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public AttributeTable getAttributes(Map parameters) {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(signingCertificate);
      return new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes))
          .getAttributes(parameters)
          .remove(CMSAttributes.signingTime);
    }
  }

  /** A BouncyCastle content signer that hands the signed attributes to the {@link SigningKey}. */
  private static final class KeySigner implements ContentSigner {

    private final SigningKey key;
    private final String algorithm;
    private final AlgorithmIdentifier identifier;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    KeySigner(SigningKey key, String algorithm) {
      this.key = key;
      this.algorithm = algorithm;
      this.identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return identifier;
    }

    @Override
    public OutputStream getOutputStream() {
      return data;
    }

    @Override
    public byte[] getSignature() {
      try {
        return key.sign(algorithm, data.toByteArray());
      } catch (GeneralSecurityException e) {
        throw new SigningException("the signing key refused to sign", e);
      }
    }
  }

  static AlgorithmIdentifier sha256() {
    return new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
  }
}
