package ma.rokhsa.interfaces.rest.delivery;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.UnsupportedContent;
import ma.rokhsa.application.VerificationService;
import ma.rokhsa.application.VerificationService.Verification;
import ma.rokhsa.domain.model.document.DeliveredAuthorization;
import ma.rokhsa.infrastructure.signing.PlatformSigning;
import ma.rokhsa.infrastructure.signing.SignatureValidation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public verification of delivered authorizations (no sign-in): a document's register entry by its
 * id (what its QR code points to), a PDF checked cryptographically and against the register, and
 * the trust anchors documents chain to. No personal data beyond what the document itself prints.
 */
@Path("public")
@RequestScoped
@Tag(name = "Public verification")
public class VerificationResource {

  /** The largest PDF checked. */
  static final int MAX_PDF = 20 * 1024 * 1024;

  @Inject VerificationService verification;
  @Inject PlatformSigning signing;

  /**
   * A document's register entry.
   *
   * @param status VALID, REVOKED or SUPERSEDED
   * @param contentSha256 the hash of what it states (its QR code's {@code sha256})
   * @param fileSha256 the SHA-256 of the signed PDF as delivered
   */
  public record DocumentView(
      String documentId,
      String reference,
      String procedure,
      String signatory,
      Instant signedAt,
      String level,
      String status,
      Instant revokedAt,
      String revocationReason,
      String supersededBy,
      String contentSha256,
      String fileSha256,
      Boolean contentMatches) {

    static DocumentView of(DeliveredAuthorization d) {
      return of(d, null);
    }

    static DocumentView of(DeliveredAuthorization d, String claimedContentHash) {
      return new DocumentView(
          d.id().toString(),
          d.reference(),
          d.procedureId(),
          d.signatoryName(),
          d.signedAt(),
          d.padesLevel(),
          d.status().name(),
          d.revokedAt().orElse(null),
          d.revocationReason().orElse(null),
          d.supersededBy().orElse(null),
          d.contentSha256(),
          d.fileSha256(),
          claimedContentHash == null ? null : claimedContentHash.equals(d.contentSha256()));
    }
  }

  @GET
  @Path("verification/{documentId}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A delivered document's essentials and status",
      description =
          "VALID, REVOKED (with date and reason) or SUPERSEDED. With ?sha256= (as the document's"
              + " QR code gives it), contentMatches says whether the printed facts are the"
              + " registered ones.")
  public DocumentView document(
      @PathParam("documentId") String documentId, @QueryParam("sha256") String sha256) {
    return verification
        .document(documentId)
        .map(d -> DocumentView.of(d, sha256))
        .orElseThrow(() -> new NotFound("no document " + documentId + " in the register"));
  }

  /**
   * What a PDF's check found.
   *
   * @param valid signatures valid, delivered as is, and in force
   * @param signaturesValid every signature valid, nothing changed after the last one
   * @param matchesRegister the bytes are those the register delivered
   */
  public record VerificationView(
      boolean valid,
      boolean signaturesValid,
      boolean matchesRegister,
      String sha256,
      String documentId,
      DocumentView document,
      List<SignatureView> signatures,
      List<String> problems) {

    static VerificationView of(Verification v) {
      return new VerificationView(
          v.valid(),
          v.report().valid(),
          v.matchesRegister(),
          v.sha256(),
          v.documentId().orElse(null),
          v.document().map(DocumentView::of).orElse(null),
          v.report().signatures().stream().map(SignatureView::of).toList(),
          v.report().documentProblems());
    }
  }

  /** One signature of a checked PDF. */
  public record SignatureView(
      String signer,
      String status,
      String level,
      Instant timeStamp,
      boolean coversWholeDocument,
      List<String> problems) {

    static SignatureView of(SignatureValidation s) {
      return new SignatureView(
          s.signer(),
          s.status().name(),
          s.level().label(),
          s.timeStamp().orElse(null),
          s.coversWholeDocument(),
          s.problems());
    }
  }

  @POST
  @Path("verification")
  @Consumes("application/pdf")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a PDF: its signatures, and that it is a document the register delivered",
      description =
          "Signatures are checked offline against the platform's trust anchors, with the"
              + " revocation data the document carries (PAdES B-LT); the document's id, read from"
              + " it, names its register entry, whose status (revoked, superseded) decides too.")
  public VerificationView verify(byte[] pdf) {
    if (pdf == null
        || pdf.length < 5
        || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
      throw new UnsupportedContent("not a PDF");
    }
    if (pdf.length > MAX_PDF) {
      throw new UnsupportedContent("a PDF of at most " + MAX_PDF + " bytes is checked");
    }
    return VerificationView.of(verification.verify(pdf));
  }

  @GET
  @Path("trust-anchors")
  @Produces("application/x-pem-file")
  @Operation(summary = "The certificates signed documents chain to (PEM)")
  public String trustAnchors() throws CertificateEncodingException {
    StringBuilder pem = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate anchor : signing.trustAnchors()) {
      pem.append("# ").append(anchor.getSubjectX500Principal().getName()).append('\n');
      pem.append("-----BEGIN CERTIFICATE-----\n")
          .append(base64.encodeToString(anchor.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return pem.toString();
  }
}
