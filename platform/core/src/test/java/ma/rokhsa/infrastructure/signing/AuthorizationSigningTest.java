package ma.rokhsa.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.document.Authorization;
import ma.rokhsa.domain.model.document.Authorization.Condition;
import ma.rokhsa.domain.model.document.Authorization.FeeLine;
import ma.rokhsa.domain.model.document.Authorization.Mandate;
import ma.rokhsa.infrastructure.pdf.PdfAuthorizationRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * The authorization as the delivery flow makes it: rendered, then signed at B-LT by the signatory's
 * key (certified by the development CA, time-stamped by its TSA); the signature valid, the
 * document's id still in its metadata under the signature, one changed byte refused.
 */
class AuthorizationSigningTest {

  final SigningFixture fixture = SigningFixture.get();
  final PdfSignatureValidator validator =
      new PdfSignatureValidator(List.of(fixture.ca.rootCertificate()), Clock.systemUTC());

  @Test
  void theRenderedAuthorizationSignsAtBltAndKeepsItsIdUnderTheSignature() throws Exception {
    Authorization authorization =
        new Authorization(
            "06.181.01.05-7f3c2a9e-4b1d-4c8e-9a55-0d1e2f3a4b5c",
            "06.181.01.05-2026-000042",
            "Commune de Biougra",
            "جماعة بيوكرى",
            "Permis de construire",
            "رخصة البناء",
            "Le Président du Conseil communal autorise Karim Benali à construire.",
            "إن رئيس المجلس الجماعي يأذن لكريم بنعلي بالبناء.",
            List.of(new Condition("Protection civile", "الوقاية المدنية", "Un extincteur.")),
            List.of(new FeeLine("Taxe", "رسم", new BigDecimal("2400"))),
            "Nabila Rmili",
            "Présidente du Conseil communal",
            Optional.of(new Mandate("Ahmed Ouali", "Président", "DEL-2026-017")),
            OffsetDateTime.parse("2026-12-07T10:15:00+01:00"),
            URI.create("https://rokhsa.ma/api/public/verification/06.181.01.05-7f3c"));
    byte[] pdf = new PdfAuthorizationRenderer().render(authorization);

    byte[] signed =
        fixture.signer.sign(
            pdf,
            fixture.authority,
            new SignatureDetails("Nabila Rmili", "Autorisation délivrée", "Biougra"),
            PadesLevel.B_LT);

    ValidationReport report = validator.validate(signed);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.signatures())
        .singleElement()
        .extracting(SignatureValidation::level)
        .isEqualTo(PadesLevel.B_LT);
    try (PDDocument document = Loader.loadPDF(signed)) {
      assertThat(document.getDocumentInformation().getCustomMetadataValue("RokhsaDocumentId"))
          .isEqualTo(authorization.documentId());
    }
    byte[] tampered = signed.clone();
    tampered[pdf.length / 2] ^= 0x01; // inside the rendered revision, out of the signature
    assertThat(validator.validate(tampered).valid()).isFalse();
  }
}
