package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the OCSP responder and CRL distribution point that a certificate names (its AIA and CRLDP
 * extensions, HTTP only), or the configured OCSP responder instead ({@code
 * rokhsa.signing.ocsp.url}) when set.
 */
public final class HttpRevocationSource implements RevocationSource {

  private final Optional<URI> ocspOverride;
  private final Duration timeout;
  private final HttpClient http;

  public HttpRevocationSource(Optional<URI> ocspOverride, Duration timeout) {
    this.ocspOverride = ocspOverride;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer)
      throws IOException {
    Optional<URI> url = ocspOverride.or(() -> uri(certificate, true));
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] request =
          new OCSPReqBuilder()
              .addRequest(
                  new JcaCertificateID(
                      new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                      issuer,
                      certificate.getSerialNumber()))
              .build()
              .getEncoded();
      return Optional.of(
          exchange(
              HttpRequest.newBuilder(url.get())
                  .header("Content-Type", "application/ocsp-request")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(request))));
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("making an OCSP request failed", e);
    }
  }

  @Override
  public Optional<byte[]> crl(X509Certificate certificate) throws IOException {
    Optional<URI> url = uri(certificate, false);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(exchange(HttpRequest.newBuilder(url.get()).GET()));
  }

  private byte[] exchange(HttpRequest.Builder request) throws IOException {
    HttpRequest built = request.timeout(timeout).build();
    try {
      HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(built.uri() + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + built.uri(), e);
    }
  }

  /** The first HTTP URL of the certificate's OCSP responder ({@code ocsp}) or CRL. */
  static Optional<URI> uri(X509Certificate certificate, boolean ocsp) {
    byte[] extension =
        certificate.getExtensionValue(
            (ocsp ? Extension.authorityInfoAccess : Extension.cRLDistributionPoints).getId());
    if (extension == null) {
      return Optional.empty();
    }
    ASN1Primitive value;
    try {
      value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
    } catch (IOException e) {
      return Optional.empty(); // a malformed extension names no URL
    }
    if (ocsp) {
      for (AccessDescription access :
          AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
        if (access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
          Optional<URI> uri = http(access.getAccessLocation());
          if (uri.isPresent()) {
            return uri;
          }
        }
      }
      return Optional.empty();
    }
    for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
      DistributionPointName name = point.getDistributionPoint();
      if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
          Optional<URI> uri = http(general);
          if (uri.isPresent()) {
            return uri;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<URI> http(GeneralName name) {
    if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
      return Optional.empty();
    }
    String text = ASN1IA5String.getInstance(name.getName()).getString();
    return text.startsWith("http://") || text.startsWith("https://")
        ? Optional.of(URI.create(text))
        : Optional.empty();
  }
}
