package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.VerificationService;
import ma.rokhsa.application.VerificationService.Verification;
import ma.rokhsa.domain.model.document.DeliveredAuthorization;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;

/**
 * Public verification of delivered authorizations, with the service {@code
 * /api/public/verification} uses: {@code /verify/<document id>} (where a document's QR code leads)
 * shows the register's entry and whether the document is in force; {@code /verify} takes a document
 * id or a PDF, whose signatures are checked and compared with the register.
 */
@WebServlet(
    name = "verification-pages",
    urlPatterns = {VerificationServlet.PATH, VerificationServlet.PATH + "/*"})
@MultipartConfig(maxFileSize = 20L * 1024 * 1024, maxRequestSize = 21L * 1024 * 1024)
public class VerificationServlet extends HttpServlet {

  static final String PATH = "/verify";
  private static final long serialVersionUID = 1L;
  private static final int MAX_PDF = 20 * 1024 * 1024;

  @Inject transient Pages pages;
  @Inject transient VerificationService verification;

  /** A register entry as the page shows it. */
  public record Entry(
      String documentId,
      String reference,
      String procedure,
      String signatory,
      String signedAt,
      String level,
      String status,
      boolean valid,
      String revokedAt,
      String revocationReason,
      String supersededBy,
      Boolean contentMatches) {}

  /** What the check of a PDF found. */
  public record Checked(
      boolean valid,
      boolean signaturesValid,
      boolean matchesRegister,
      String sha256,
      int signatures) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    String id =
        info != null && info.length() > 1
            ? info.substring(1)
            : Optional.ofNullable(request.getParameter("document")).orElse("").strip();
    if (id.isEmpty()) {
      show(request, response, "", null, null, List.of(), 200);
      return;
    }
    if (id.length() > 200 || id.contains("/")) {
      show(request, response, "", null, null, List.of(), 404);
      return;
    }
    Optional<DeliveredAuthorization> found = verification.document(id);
    if (found.isEmpty()) {
      Page page = pages.open(request, response, pages.themes().national());
      show(
          request,
          response,
          id,
          null,
          null,
          List.of(new ErrorView("#document", page.messages().text("verify.error.unknown"))),
          404);
      return;
    }
    request.setAttribute(CLAIMED_CONTENT, request.getParameter("sha256"));
    show(request, response, id, found.get(), null, List.of(), 200);
  }

  /** The content hash a document's QR code gives ({@code ?sha256=}), compared with the register. */
  private static final String CLAIMED_CONTENT = "rokhsa.verify.sha256";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!Csrf.accepts(request)) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "expired", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().national());
    byte[] pdf = null;
    try {
      Part part = request.getPart("pdf");
      if (part != null && part.getSize() > 0 && part.getSize() <= MAX_PDF) {
        try (InputStream in = part.getInputStream()) {
          pdf = in.readNBytes(MAX_PDF);
        } finally {
          part.delete();
        }
      }
    } catch (IllegalStateException tooLarge) {
      pdf = null;
    }
    if (pdf == null
        || pdf.length < 5
        || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
      show(
          request,
          response,
          "",
          null,
          null,
          List.of(new ErrorView("#pdf", page.messages().text("verify.error.pdf"))),
          422);
      return;
    }
    Verification v = verification.verify(pdf);
    Checked checked =
        new Checked(
            v.valid(),
            v.report().valid(),
            v.matchesRegister(),
            v.sha256(),
            v.report().signatures().size());
    show(
        request,
        response,
        v.documentId().orElse(""),
        v.document().orElse(null),
        checked,
        List.of(),
        200);
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      String documentId,
      DeliveredAuthorization document,
      Checked checked,
      List<ErrorView> errors,
      int status)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("documentId", documentId);
    Object claimed = request.getAttribute(CLAIMED_CONTENT);
    model.put(
        "entry",
        document == null
            ? null
            : entry(
                page, document, claimed instanceof String c && !c.isBlank() ? c.strip() : null));
    model.put("checked", checked);
    model.put("errors", errors);
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    model.put("fieldErrors", byField);
    pages.render(page, "verify", model, status, request, response);
  }

  private static Entry entry(Page page, DeliveredAuthorization d, String claimedContent) {
    ZoneId morocco = ZoneId.of("Africa/Casablanca");
    return new Entry(
        d.id().toString(),
        d.reference(),
        d.procedureId(),
        d.signatoryName(),
        page.date(d.signedAt().atZone(morocco).toLocalDate()),
        d.padesLevel(),
        page.messages().text("verify.status." + d.status().name().toLowerCase(Locale.ROOT)),
        d.status() == DeliveredAuthorization.Status.VALID,
        d.revokedAt().map(t -> page.date(t.atZone(morocco).toLocalDate())).orElse(null),
        d.revocationReason().orElse(null),
        d.supersededBy().orElse(null),
        claimedContent == null ? null : claimedContent.equalsIgnoreCase(d.contentSha256()));
  }
}
