package ma.rokhsa.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The platform's own validator on documents signed by the platform's signer. */
class PadesSignerTest {

  private final SigningFixture fixture = SigningFixture.get();
  private final PdfSignatureValidator validator =
      new PdfSignatureValidator(List.of(fixture.ca.rootCertificate()), Clock.systemUTC());

  @Test
  void theDocumentIsAboutOneMegabyte() {
    assertThat(fixture.document.length).isBetween(900_000, 1_300_000);
  }

  @Test
  void aVisaThenTheAuthoritysSignatureAreBothValidAtBLt() {
    ValidationReport report = validator.validate(fixture.signedTwice);

    assertThat(report.documentProblems()).isEmpty();
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures())
        .allSatisfy(
            signature -> {
              assertThat(signature.problems()).isEmpty();
              assertThat(signature.status()).isEqualTo(SignatureValidation.Status.VALID);
              assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
              assertThat(signature.timeStamp()).isPresent();
            });
    assertThat(report.signatures().get(0).signer()).contains("Youssef Alaoui");
    assertThat(report.signatures().get(1).signer()).contains("Nabila Rmili");
    assertThat(report.valid()).isTrue();
  }

  @Test
  void oneChangedByteInvalidatesEverySignature() {
    byte[] tampered = SignedFiles.oneByteChanged(fixture.signedTwice);

    ValidationReport report = validator.validate(tampered);

    assertThat(report.valid()).isFalse();
    assertThat(report.signatures())
        .allSatisfy(
            signature ->
                assertThat(signature.status()).isEqualTo(SignatureValidation.Status.INVALID));
  }

  @Test
  void aPageAddedAfterTheLastSignatureIsReportedThoughEverySignatureStillVerifies()
      throws Exception {
    byte[] changed;
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(fixture.signedTwice)) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      document.addPage(page);
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.saveIncremental(out);
      changed = out.toByteArray();
    }

    ValidationReport report = validator.validate(changed);

    assertThat(report.signatures())
        .allSatisfy(
            signature ->
                assertThat(signature.status()).isEqualTo(SignatureValidation.Status.VALID));
    assertThat(report.documentProblems())
        .contains("pages were added or removed after the last signature");
    assertThat(report.valid()).isFalse();
  }

  @Test
  void anotherRootIsNotTrusted() throws Exception {
    var stranger =
        ma.rokhsa.infrastructure.signing.devca.DevCertificationAuthority.open(
            java.nio.file.Files.createTempDirectory("rokhsa-other-ca"),
            "x".toCharArray(),
            fixture.publicUrl,
            new ma.rokhsa.infrastructure.signing.devca.JdbcIssuedCertificates(fixture.database),
            Clock.systemUTC());

    ValidationReport report =
        new PdfSignatureValidator(List.of(stranger.rootCertificate()), Clock.systemUTC())
            .validate(fixture.signedTwice);

    assertThat(report.valid()).isFalse();
    assertThat(report.signatures())
        .allSatisfy(
            signature ->
                assertThat(signature.status()).isEqualTo(SignatureValidation.Status.INDETERMINATE));
  }

  @Test
  void levelsBbAndBtAreWhatTheySay() {
    PadesSigner inProcess =
        new PadesSigner(Optional.of(fixture.ca), Optional.of(fixture.ca), Clock.systemUTC());
    SignatureDetails details = new SignatureDetails("Nabila Rmili", "Test", "Casablanca");

    SignatureValidation bb =
        validator
            .validate(inProcess.sign(fixture.document, fixture.authority, details, PadesLevel.B_B))
            .signatures()
            .get(0);
    SignatureValidation bt =
        validator
            .validate(inProcess.sign(fixture.document, fixture.authority, details, PadesLevel.B_T))
            .signatures()
            .get(0);

    assertThat(bb.level()).isEqualTo(PadesLevel.B_B);
    assertThat(bb.timeStamp()).isEmpty();
    assertThat(bb.status())
        .as("no revocation data in a B-B document")
        .isEqualTo(SignatureValidation.Status.INDETERMINATE);
    assertThat(bt.level()).isEqualTo(PadesLevel.B_T);
    assertThat(bt.timeStamp()).isPresent();
    assertThat(bt.coversWholeDocument()).isTrue();
  }
}
