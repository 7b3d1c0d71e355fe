package ma.rokhsa.infrastructure.signing;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DSS as a command, run by {@link DssValidationTest} in a JVM of its own (with the BouncyCastle DSS
 * was released with): {@code DssCli signed.pdf root.der} validates offline — the root its only
 * trust anchor, no AIA, OCSP or CRL source: everything comes from the document — and prints one
 * line per signature ({@code SIGNATURE id indication subindication format}), then the simple
 * report.
 */
public final class DssCli {

  private DssCli() {}

  public static void main(String[] arguments) throws Exception {
    CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
    anchors.addCertificate(DSSUtils.loadCertificate(Files.readAllBytes(Path.of(arguments[1]))));
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(anchors);
    verifier.setAIASource(null);
    verifier.setOcspSource(null);
    verifier.setCrlSource(null);
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new FileDocument(new File(arguments[0])));
    validator.setCertificateVerifier(verifier);
    Reports reports = validator.validateDocument();
    SimpleReport simple = reports.getSimpleReport();
    for (String id : simple.getSignatureIdList()) {
      System.out.println(
          "SIGNATURE "
              + id
              + " "
              + simple.getIndication(id)
              + " "
              + simple.getSubIndication(id)
              + " "
              + simple.getSignatureFormat(id));
    }
    System.out.println(reports.getXmlSimpleReport());
  }
}
