package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.DossierQueries;
import ma.rokhsa.application.DossierQueries.Tracking;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.model.dossier.DossierReference;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;

/**
 * Public tracking, {@code /track}: anyone holding a dossier's reference and tracking code sees
 * where it stands, as {@code GET /api/public/tracking} tells it (the same service) — never who
 * asked or what. The code is posted with the form, never put in an address; {@code ?reference=}
 * only fills the reference in. An unknown reference and a wrong code get the same answer.
 */
@WebServlet(name = "tracking-page", urlPatterns = TrackingServlet.PATH)
public class TrackingServlet extends HttpServlet {

  static final String PATH = "/track";
  private static final long serialVersionUID = 1L;
  private static final int MAX = 100;

  @Inject transient Pages pages;
  @Inject transient DossierQueries dossiers;

  /** Where a dossier stands, as the page shows it. */
  public record Result(
      String reference,
      String procedure,
      String state,
      String since,
      String dueDate,
      boolean overdue,
      List<String> nextBy,
      boolean tacitApproval,
      boolean closed) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    show(request, response, value(request, "reference"), List.of(), null, 200);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    String reference = value(request, "reference");
    String code = value(request, "code");
    if (!Csrf.accepts(request)) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "expired", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().national());
    List<ErrorView> errors = new ArrayList<>();
    if (reference.isEmpty()) {
      errors.add(new ErrorView("#reference", page.messages().text("track.error.reference")));
    }
    if (code.isEmpty()) {
      errors.add(new ErrorView("#code", page.messages().text("track.error.code")));
    }
    if (!errors.isEmpty()) {
      show(request, response, reference, errors, null, 422);
      return;
    }
    // The reference names its tenant: the one place public tracking takes it from.
    Optional<Tracking> found =
        DossierReference.parse(reference.toUpperCase(Locale.ROOT))
            .or(() -> DossierReference.parse(reference))
            .flatMap(ref -> dossiers.track(TenantContext.publicTracking(ref.tenant()), ref, code));
    if (found.isEmpty()) {
      show(
          request,
          response,
          reference,
          List.of(new ErrorView("#reference", page.messages().text("track.error.unknown"))),
          null,
          404);
      return;
    }
    Tracking t = found.get();
    Result result =
        new Result(
            t.reference(),
            page.name(t.procedure().fr(), t.procedure().ar()),
            page.name(t.state().fr(), t.state().ar()),
            page.date(t.since().atZone(ZoneId.of("Africa/Casablanca")).toLocalDate()),
            t.dueDate().map(page::date).orElse(null),
            t.overdue(),
            t.nextBy().stream()
                .map(r -> page.messages().text("track.next." + r.name().toLowerCase(Locale.ROOT)))
                .toList(),
            t.tacitApproval(),
            t.phase() == ma.rokhsa.domain.model.dossier.Phase.CLOSED);
    show(request, response, t.reference(), List.of(), result, 200);
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      String reference,
      List<ErrorView> errors,
      Result result,
      int status)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", reference);
    model.put("errors", errors);
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    model.put("fieldErrors", byField);
    model.put("result", result);
    pages.render(page, "track", model, status, request, response);
  }

  private static String value(HttpServletRequest request, String name) {
    String value = Optional.ofNullable(request.getParameter(name)).orElse("").strip();
    return value.length() > MAX ? value.substring(0, MAX) : value;
  }
}
