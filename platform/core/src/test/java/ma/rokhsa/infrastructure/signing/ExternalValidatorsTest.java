package ma.rokhsa.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed document as poppler ({@code pdfsig}, certificates checked by NSS against a database
 * that trusts the test root, OCSP asked live from the development CA) and OpenSSL ({@code openssl
 * cms -verify} of each extracted CMS over its byte ranges, with the test root as the only CA) see
 * it; and one changed byte, which both must refuse.
 */
class ExternalValidatorsTest {

  @TempDir static Path work;
  private static final SigningFixture fixture = SigningFixture.get();

  @BeforeAll
  static void nssDatabaseTrustingTheTestRootOnly() throws Exception {
    Files.writeString(work.resolve("root.pem"), pem(fixture.ca.rootCertificate().getEncoded()));
    Files.createDirectories(work.resolve("nss"));
    certutil("-N", "-d", "sql:nss", "--empty-password");
    certutil("-A", "-n", "root", "-t", "CT,C,C", "-i", "root.pem", "-d", "sql:nss");
  }

  private static void certutil(String... arguments) throws Exception {
    String[] command = new String[arguments.length + 1];
    command[0] = "certutil";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    ExternalTools.Run run = ExternalTools.run(work, command);
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void pdfsigTrustsEachSignersCertificateThroughTheChainInTheCms() throws Exception {
    SignedFiles.write(work, "visa.pdf", fixture.signedOnce);
    SignedFiles.write(work, "authority.pdf", fixture.signedByTheAuthorityAlone);

    for (String file : List.of("visa.pdf", "authority.pdf")) {
      ExternalTools.Run run = ExternalTools.run(work, "pdfsig", "-nssdir", "sql:nss", file);

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output())
          .as(run.output())
          .contains("Signature Validation: Signature is Valid.")
          .contains("Certificate Validation: Certificate is Trusted.")
          .contains("ETSI.CAdES.detached");
    }
  }

  /**
   * Both signatures of the visa-then-authority document are valid for pdfsig. Only the first one's
   * certificate is reported trusted: poppler 22.12 (Debian 12) says "Unknown issue with Certificate
   * or corrupted data" for the certificate of any second signature in one run, whatever the order
   * or key type (tried: RSA then ECDSA, ECDSA then RSA; B-B, B-T, B-LT), though the same
   * certificate is trusted when its signature is the first ({@link
   * #pdfsigTrustsEachSignersCertificateThroughTheChainInTheCms}) and NSS's own {@code vfychain}
   * accepts the chain with OCSP. It leaves NSS objects behind ("NSS_Shutdown failed: objects are
   * still in use"). ADR 0018 records it.
   */
  @Test
  void pdfsigReportsBothSignaturesOfTheTwiceSignedDocumentValid() throws Exception {
    SignedFiles.write(work, "signed.pdf", fixture.signedTwice);

    ExternalTools.Run run = ExternalTools.run(work, "pdfsig", "-nssdir", "sql:nss", "signed.pdf");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(count(run.output(), "Signature Validation: Signature is Valid."))
        .as(run.output())
        .isEqualTo(2);
    assertThat(run.output())
        .as(run.output())
        .contains("Certificate Validation: Certificate is Trusted.")
        .contains("Youssef Alaoui")
        .contains("Nabila Rmili");
  }

  @Test
  void pdfsigRefusesOneChangedByte() throws Exception {
    SignedFiles.write(work, "tampered.pdf", SignedFiles.oneByteChanged(fixture.signedTwice));

    ExternalTools.Run run = ExternalTools.run(work, "pdfsig", "-nssdir", "sql:nss", "tampered.pdf");

    assertThat(run.output()).as(run.output()).doesNotContain("Signature is Valid");
    assertThat(count(run.output(), "Signature Validation: Digest Mismatch."))
        .as(run.output())
        .isEqualTo(2);
  }

  @Test
  void opensslVerifiesEachCmsOverItsByteRangesWithTheTestRoot() throws Exception {
    List<SignedFiles.Extracted> signatures = SignedFiles.extract(fixture.signedTwice);
    assertThat(signatures).hasSize(2);
    for (int i = 0; i < signatures.size(); i++) {
      SignedFiles.write(work, "sig" + i + ".der", signatures.get(i).cms());
      SignedFiles.write(work, "content" + i + ".bin", signatures.get(i).signedContent());

      ExternalTools.Run run = opensslVerify(i);

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("Verification successful");
    }
  }

  @Test
  void opensslRefusesOneChangedByte() throws Exception {
    byte[] tampered = SignedFiles.oneByteChanged(fixture.signedTwice);
    // The CMS as signed, over the byte ranges of the tampered file.
    List<SignedFiles.Extracted> original = SignedFiles.extract(fixture.signedTwice);
    List<SignedFiles.Extracted> changed = SignedFiles.extract(tampered);
    for (int i = 0; i < original.size(); i++) {
      SignedFiles.write(work, "sig" + i + ".der", original.get(i).cms());
      SignedFiles.write(work, "content" + i + ".bin", changed.get(i).signedContent());

      ExternalTools.Run run = opensslVerify(i);

      assertThat(run.exitCode()).as(run.output()).isNotZero();
      assertThat(run.output()).doesNotContain("Verification successful");
    }
  }

  private static ExternalTools.Run opensslVerify(int i) throws Exception {
    return ExternalTools.run(
        work,
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "sig" + i + ".der",
        "-content",
        "content" + i + ".bin",
        "-CAfile",
        "root.pem",
        "-out",
        "/dev/null");
  }

  private static int count(String text, String what) {
    Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
