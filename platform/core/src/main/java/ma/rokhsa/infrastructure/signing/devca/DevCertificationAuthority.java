package ma.rokhsa.infrastructure.signing.devca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import ma.rokhsa.infrastructure.signing.RevocationSource;
import ma.rokhsa.infrastructure.signing.TimeStampClient;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The development certification authority: a root CA, an issuing CA for signatory certificates, an
 * OCSP responder (the issuing CA answers for its own certificates, the root for the issuing CA's
 * and the TSA's), CRLs and an RFC 3161 time-stamping authority. Demo mode and tests only: in
 * production the platform is given Barid eSign's trust anchors and URLs (ADR 0018).
 *
 * <p>Its keys (ECDSA P-256) are kept in {@code dev-ca.p12} in the directory given to {@link #open},
 * protected by the configured password; what it issued and revoked is kept in the {@link
 * IssuedCertificates} register (the database). Both survive a restart; a missing file is a new CA.
 * Certificates name the platform's public URL for their CRL, OCSP and issuer certificates (served
 * under {@code /api/public/dev-ca/}).
 *
 * <p>Thread-safe. It holds no resource to close.
 *
 * <pre>{@code
 * DevCertificationAuthority ca = DevCertificationAuthority.open(dir, password, publicUrl, register, clock);
 * X509Certificate certificate = ca.issue(csr, new Signatory("Nabila Rmili", "BK123456", "casablanca", "Commune de Casablanca"));
 * }</pre>
 */
public final class DevCertificationAuthority implements RevocationSource, TimeStampClient {

  /** The path of the CA's resources under the platform's public URL. */
  public static final String PATH = "api/public/dev-ca/";

  /** The time-stamping policy of the development TSA (an OID under {@code 2.25}, UUID-based). */
  public static final ASN1ObjectIdentifier TSA_POLICY =
      new ASN1ObjectIdentifier("2.25.168592430958112907368461270453587094917");

  static final String FILE = "dev-ca.p12";
  private static final String ROOT = "root";
  private static final String ISSUING = "issuing";
  private static final String TSA = "tsa";
  private static final String ALGORITHM = "SHA256withECDSA";
  private static final Duration CRL_VALIDITY = Duration.ofDays(7);
  private static final Duration OCSP_VALIDITY = Duration.ofDays(1);

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Authority(PrivateKey key, X509Certificate certificate) {}

  private final Authority root;
  private final Authority issuing;
  private final Authority tsa;
  private final URI base;
  private final IssuedCertificates register;
  private final Clock clock;

  private DevCertificationAuthority(
      Authority root,
      Authority issuing,
      Authority tsa,
      URI base,
      IssuedCertificates register,
      Clock clock) {
    this.root = root;
    this.issuing = issuing;
    this.tsa = tsa;
    this.base = base;
    this.register = register;
    this.clock = clock;
  }

  /**
   * The CA kept in {@code directory}, created there (with its register entries) if there is none.
   *
   * @param publicUrl the platform's public address, which its certificates point to
   */
  public static DevCertificationAuthority open(
      Path directory, char[] password, URI publicUrl, IssuedCertificates register, Clock clock) {
    URI base =
        URI.create(publicUrl.toString().endsWith("/") ? publicUrl.toString() : publicUrl + "/")
            .resolve(PATH);
    Path file = directory.resolve(FILE);
    try {
      if (Files.exists(file)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
          store.load(in, password);
        }
        return new DevCertificationAuthority(
            entry(store, ROOT, password),
            entry(store, ISSUING, password),
            entry(store, TSA, password),
            base,
            register,
            clock);
      }
      DevCertificationAuthority created = create(base, register, clock);
      created.save(directory, file, password);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("opening the development CA in " + directory + " failed", e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("opening the development CA in " + directory + " failed", e);
    }
  }

  private static Authority entry(KeyStore store, String alias, char[] password)
      throws GeneralSecurityException {
    PrivateKey key = (PrivateKey) store.getKey(alias, password);
    if (key == null) {
      throw new GeneralSecurityException("the CA key store has no entry " + alias);
    }
    return new Authority(key, (X509Certificate) store.getCertificate(alias));
  }

  private void save(Path directory, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, password);
    store.setKeyEntry(ROOT, root.key(), password, new X509Certificate[] {root.certificate()});
    store.setKeyEntry(
        ISSUING,
        issuing.key(),
        password,
        new X509Certificate[] {issuing.certificate(), root.certificate()});
    store.setKeyEntry(
        TSA, tsa.key(), password, new X509Certificate[] {tsa.certificate(), root.certificate()});
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, FILE, ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      store.store(out, password);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static DevCertificationAuthority create(
      URI base, IssuedCertificates register, Clock clock)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = clock.instant();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

    KeyPair rootKeys = newKeyPair();
    X500Name rootName = caName("Rokhsa Development Root CA");
    JcaX509v3CertificateBuilder rootBuilder =
        new JcaX509v3CertificateBuilder(
            rootName,
            serial(),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(365 * 20))),
            rootName,
            rootKeys.getPublic());
    rootBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    rootBuilder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    rootBuilder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(rootKeys.getPublic()));
    X509Certificate rootCertificate = certificate(rootBuilder, rootKeys.getPrivate());
    Authority root = new Authority(rootKeys.getPrivate(), rootCertificate);

    KeyPair issuingKeys = newKeyPair();
    JcaX509v3CertificateBuilder issuingBuilder =
        issuedByRoot(
            rootCertificate, "Rokhsa Development Signatories CA", issuingKeys.getPublic(), now);
    issuingBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    issuingBuilder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    issuedBy(issuingBuilder, rootCertificate, issuingKeys.getPublic(), base, "root", false);
    X509Certificate issuingCertificate = certificate(issuingBuilder, rootKeys.getPrivate());

    KeyPair tsaKeys = newKeyPair();
    JcaX509v3CertificateBuilder tsaBuilder =
        issuedByRoot(
            rootCertificate,
            "Rokhsa Development Time-Stamping Authority",
            tsaKeys.getPublic(),
            now);
    tsaBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    tsaBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    tsaBuilder.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    issuedBy(tsaBuilder, rootCertificate, tsaKeys.getPublic(), base, "root", false);
    X509Certificate tsaCertificate = certificate(tsaBuilder, rootKeys.getPrivate());

    register.record(issuingCertificate);
    register.record(tsaCertificate);
    return new DevCertificationAuthority(
        root,
        new Authority(issuingKeys.getPrivate(), issuingCertificate),
        new Authority(tsaKeys.getPrivate(), tsaCertificate),
        base,
        register,
        clock);
  }

  private static X500Name caName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "MA")
        .addRDN(BCStyle.O, "Rokhsa (development, not trusted in production)")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  /** AKI, SKI, and where to find the issuer's CRL (and OCSP, for signatory certificates). */
  private static void issuedBy(
      JcaX509v3CertificateBuilder builder,
      X509Certificate issuer,
      PublicKey subjectKey,
      URI base,
      String issuerName,
      boolean ocsp)
      throws GeneralSecurityException, IOException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
    GeneralName crl =
        new GeneralName(
            GeneralName.uniformResourceIdentifier, base.resolve(issuerName + ".crl").toString());
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)
            }));
    AccessDescription caIssuers =
        new AccessDescription(
            AccessDescription.id_ad_caIssuers,
            new GeneralName(
                GeneralName.uniformResourceIdentifier,
                new DERIA5String(base.resolve(issuerName + ".cer").toString())));
    AuthorityInformationAccess access =
        ocsp
            ? new AuthorityInformationAccess(
                new AccessDescription[] {
                  new AccessDescription(
                      AccessDescription.id_ad_ocsp,
                      new GeneralName(
                          GeneralName.uniformResourceIdentifier,
                          new DERIA5String(base.resolve("ocsp").toString()))),
                  caIssuers
                })
            : new AuthorityInformationAccess(new AccessDescription[] {caIssuers});
    builder.addExtension(Extension.authorityInfoAccess, false, access);
  }

  /** Issues a signatory certificate for {@code publicKey}, valid for {@code validity}. */
  public X509Certificate issue(PublicKey publicKey, Signatory signatory, Duration validity) {
    Instant now = clock.instant();
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "MA")
            .addRDN(BCStyle.O, signatory.tenantName())
            .addRDN(BCStyle.OU, signatory.tenantId())
            .addRDN(BCStyle.SERIALNUMBER, signatory.serialNumberAttribute())
            .addRDN(BCStyle.CN, signatory.name())
            .build();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new JcaX509CertificateHolder(issuing.certificate()).getSubject(),
              serial(),
              Date.from(now.minus(Duration.ofMinutes(1))),
              Date.from(now.plus(validity)),
              subject,
              publicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      issuedBy(builder, issuing.certificate(), publicKey, base, "issuing", true);
      X509Certificate certificate = certificate(builder, issuing.key());
      register.record(certificate);
      return certificate;
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(
          "issuing a certificate to " + signatory.name() + " failed", e);
    }
  }

  /**
   * Issues a signatory certificate for the key of a PKCS#10 request, once its proof of possession
   * is checked. The subject is the CA's ({@code signatory}), not the request's.
   *
   * @throws IllegalArgumentException if the request's signature does not verify
   */
  public X509Certificate issue(
      PKCS10CertificationRequest request, Signatory signatory, Duration validity) {
    try {
      if (!request.isSignatureValid(
          new JcaContentVerifierProviderBuilder()
              .setProvider(BC)
              .build(request.getSubjectPublicKeyInfo()))) {
        throw new IllegalArgumentException("the certification request's signature is wrong");
      }
      PublicKey key =
          new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(request)
              .setProvider(BC)
              .getPublicKey();
      return issue(key, signatory, validity);
    } catch (PKCSException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalArgumentException("the certification request cannot be read", e);
    }
  }

  /**
   * Revokes a certificate this CA issued (a signatory's, or the issuing CA's or TSA's by the root).
   *
   * @param reason an RFC 5280 CRLReason code ({@link org.bouncycastle.asn1.x509.CRLReason})
   * @return false if it was not issued here or was revoked already
   */
  public boolean revoke(BigInteger serial, int reason) {
    Instant now = clock.instant();
    return register.revoke(name(issuing.certificate()), serial, now, reason)
        || register.revoke(name(root.certificate()), serial, now, reason);
  }

  /** The root certificate: the trust anchor of documents signed in demo mode and in tests. */
  public X509Certificate rootCertificate() {
    return root.certificate();
  }

  public X509Certificate issuingCertificate() {
    return issuing.certificate();
  }

  public X509Certificate timeStampingCertificate() {
    return tsa.certificate();
  }

  /** The issuing CA's current CRL (signatory certificates), DER. */
  public byte[] issuingCrl() {
    return crl(issuing);
  }

  /** The root's current CRL (the issuing CA's and the TSA's certificates), DER. */
  public byte[] rootCrl() {
    return crl(root);
  }

  private byte[] crl(Authority authority) {
    Instant now = clock.instant();
    try {
      X509v2CRLBuilder builder =
          new JcaX509v2CRLBuilder(
              authority.certificate().getSubjectX500Principal(), Date.from(now));
      builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
      for (IssuedCertificates.Revocation revoked :
          register.revoked(name(authority.certificate()))) {
        builder.addCRLEntry(revoked.serial(), Date.from(revoked.when()), revoked.reason());
      }
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
      return builder.build(signer(authority.key())).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("making a CRL failed", e);
    }
  }

  /**
   * The OCSP responder: answers a DER OCSPRequest with a DER OCSPResponse, signed by the CA that
   * issued the certificates asked about (malformed: {@code malformedRequest}; certificates of
   * several or unknown issuers: {@code unauthorized}). A nonce is echoed.
   */
  public byte[] respond(byte[] request) {
    try {
      OCSPReq ocspRequest;
      try {
        ocspRequest = new OCSPReq(request);
      } catch (IOException | RuntimeException e) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      Req[] asked = ocspRequest.getRequestList();
      if (asked.length == 0) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      Optional<Authority> responder = issuerOf(asked[0].getCertID());
      for (Req req : asked) {
        if (responder.isEmpty() || !issuerOf(req.getCertID()).equals(responder)) {
          return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
        }
      }
      Authority authority = responder.orElseThrow();
      Instant now = clock.instant();
      BasicOCSPRespBuilder builder =
          new JcaBasicOCSPRespBuilder(
              authority.certificate().getPublicKey(), digests().get(CertificateID.HASH_SHA1));
      for (Req req : asked) {
        builder.addResponse(
            req.getCertID(),
            status(authority, req.getCertID().getSerialNumber()),
            Date.from(now),
            Date.from(now.plus(OCSP_VALIDITY)),
            null);
      }
      Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic =
          builder.build(
              signer(authority.key()),
              new X509CertificateHolder[] {new JcaX509CertificateHolder(authority.certificate())},
              Date.from(now));
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("answering an OCSP request failed", e);
    }
  }

  private Optional<Authority> issuerOf(CertificateID id) throws OCSPException {
    try {
      DigestCalculatorProvider digests = digests();
      for (Authority authority : List.of(issuing, root)) {
        if (id.matchesIssuer(new JcaX509CertificateHolder(authority.certificate()), digests)) {
          return Optional.of(authority);
        }
      }
      return Optional.empty();
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new OCSPException("matching the issuer failed", e);
    }
  }

  private CertificateStatus status(Authority authority, BigInteger serial) {
    IssuedCertificates.Status status = register.status(name(authority.certificate()), serial);
    if (status instanceof IssuedCertificates.Status.Revoked revoked) {
      return new RevokedStatus(
          Date.from(revoked.revocation().when()), revoked.revocation().reason());
    }
    if (status instanceof IssuedCertificates.Status.Good) {
      return CertificateStatus.GOOD;
    }
    return new UnknownStatus();
  }

  /** The RFC 3161 time-stamping authority (SHA-256, SHA-384 and SHA-512 imprints). */
  @Override
  public TimeStampResponse timestamp(TimeStampRequest request) throws IOException {
    try {
      TimeStampTokenGenerator tokens =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .setProvider(BC)
                  .build(ALGORITHM, tsa.key(), tsa.certificate()),
              digests()
                  .get(
                      new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                          org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
              TSA_POLICY);
      tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), root.certificate())));
      TimeStampResponseGenerator responses =
          new TimeStampResponseGenerator(
              tokens,
              java.util.Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512));
      return responses.generate(request, serial(), Date.from(clock.instant()));
    } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("time-stamping failed", e);
    }
  }

  /** The same, for a DER TimeStampReq: what {@code POST .../tsa} answers. */
  public byte[] timestamp(byte[] request) throws IOException {
    TimeStampRequest parsed;
    try {
      parsed = new TimeStampRequest(request);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a time-stamp request", e);
    }
    return timestamp(parsed).getEncoded();
  }

  @Override
  public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer)
      throws IOException {
    if (!issuer.equals(issuing.certificate())) {
      return Optional.empty();
    }
    try {
      OCSPReq request =
          new OCSPReqBuilder()
              .addRequest(
                  new JcaCertificateID(
                      digests().get(CertificateID.HASH_SHA1),
                      issuer,
                      certificate.getSerialNumber()))
              .build();
      return Optional.of(respond(request.getEncoded()));
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("asking for an OCSP response failed", e);
    }
  }

  @Override
  public Optional<byte[]> crl(X509Certificate certificate) {
    String issuer = certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    if (issuer.equals(name(issuing.certificate()))) {
      return Optional.of(issuingCrl());
    }
    if (issuer.equals(name(root.certificate()))) {
      return Optional.of(rootCrl());
    }
    return Optional.empty();
  }

  private static String name(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  /** A ten-year certificate of the development root for one of its own services. */
  private static JcaX509v3CertificateBuilder issuedByRoot(
      X509Certificate root, String name, PublicKey publicKey, Instant now) {
    return new JcaX509v3CertificateBuilder(
        root,
        serial(),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(Duration.ofDays(365 * 10))),
        new X500Principal(caName(name).toString()),
        publicKey);
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(126);
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder(ALGORITHM).setProvider(BC).build(key);
  }

  private static DigestCalculatorProvider digests() throws OperatorCreationException {
    return new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
  }

  private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
  }
}
