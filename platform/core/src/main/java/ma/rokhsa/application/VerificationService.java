package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import ma.rokhsa.domain.model.document.AuthorizationId;
import ma.rokhsa.domain.model.document.AuthorizationRegister;
import ma.rokhsa.domain.model.document.DeliveredAuthorization;
import ma.rokhsa.infrastructure.signing.PlatformSigning;
import ma.rokhsa.infrastructure.signing.ValidationReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Public verification of delivered authorizations: a document's register entry by its id, and a PDF
 * checked cryptographically (its signatures against the platform's trust anchors, offline, with the
 * revocation data it carries) and against the register (its id, read from the document, names the
 * tenant; its bytes must be the ones delivered). Reads only.
 */
@ApplicationScoped
public class VerificationService {

  private Register register;
  private PlatformSigning signing;

  /** For CDI's proxy. */
  protected VerificationService() {}

  @Inject
  VerificationService(Register register, PlatformSigning signing) {
    this.register = register;
    this.signing = signing;
  }

  /** The register's entry of a document, by its public id; empty if there is none. */
  public Optional<DeliveredAuthorization> document(String documentId) {
    AuthorizationId id;
    try {
      id = AuthorizationId.parse(documentId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return register.find(TenantContext.publicTracking(id.tenant()), id);
  }

  /** Checks a PDF: its signatures, and whether it is, byte for byte, a document of the register. */
  public Verification verify(byte[] pdf) {
    ValidationReport report;
    try {
      report = signing.validator().validate(pdf);
    } catch (RuntimeException e) {
      // A file too damaged to be read as a signed PDF is simply not a valid one.
      report =
          new ValidationReport(
              java.util.List.of(), java.util.List.of("the PDF cannot be read: " + e.getMessage()));
    }
    String sha256 = sha256(pdf);
    Optional<String> claimed = documentIdOf(pdf);
    Optional<DeliveredAuthorization> entry = claimed.flatMap(this::document);
    boolean matches = entry.filter(e -> e.fileSha256().equals(sha256)).isPresent();
    return new Verification(report, sha256, claimed, entry, matches);
  }

  /**
   * What a PDF's verification found.
   *
   * @param report its signatures, checked
   * @param sha256 its SHA-256
   * @param documentId the document id it claims (its metadata, under its signature), if any
   * @param document the register's entry of that id, if any
   * @param matchesRegister whether its bytes are those the register delivered under that id
   */
  public record Verification(
      ValidationReport report,
      String sha256,
      Optional<String> documentId,
      Optional<DeliveredAuthorization> document,
      boolean matchesRegister) {

    /** Genuine and in force: signatures valid, delivered as is, not revoked nor superseded. */
    public boolean valid() {
      return report.valid()
          && matchesRegister
          && document.filter(d -> d.status() == DeliveredAuthorization.Status.VALID).isPresent();
    }
  }

  private static Optional<String> documentIdOf(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return Optional.ofNullable(
          document.getDocumentInformation().getCustomMetadataValue("RokhsaDocumentId"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The register read in the document's own tenant (the one its id names). */
  @ApplicationScoped
  @Transactional
  @TenantScoped
  public static class Register {

    private AuthorizationRegister register;

    /** For CDI's proxy. */
    protected Register() {}

    @Inject
    Register(AuthorizationRegister register) {
      this.register = register;
    }

    public Optional<DeliveredAuthorization> find(TenantContext context, AuthorizationId id) {
      return register.find(id);
    }
  }
}
