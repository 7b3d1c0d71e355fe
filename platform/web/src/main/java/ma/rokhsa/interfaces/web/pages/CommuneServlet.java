package ma.rokhsa.interfaces.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.application.TenantProcedureService;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FormDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Section;

/**
 * A commune's pages, in the commune's theme: {@code /communes/<id>}, the procedures it offers, and
 * {@code /communes/<id>/procedures/<procedure>}, what a procedure requires there (documents, fees,
 * deadlines, the bodies consulted), read from the procedure's definition. {@code
 * /communes?commune=<id>} is where the home page's form leads.
 *
 * <p>They are public: what a procedure requires is no secret. A commune that does not take deposits
 * yet shows its catalogue with a notice saying so.
 */
@WebServlet(
    name = "commune-pages",
    urlPatterns = {"/communes", "/communes/*"})
public class CommuneServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Pages pages;
  @Inject transient TenantDirectory directory;
  @Inject transient TenantProcedureService procedures;

  /** A procedure as listed. */
  public record ProcedureLink(String id, String name) {}

  /** A document to attach. */
  public record Document(
      String label, boolean required, boolean conditional, String types, String maxSize, int max) {}

  /** A line of the fee schedule. */
  public record FeeLine(
      String label, String fixed, String perUnit, String unit, boolean conditional) {}

  /** A state with a legal deadline. */
  public record Deadline(String label, int days, boolean silenceMeansAcceptance) {}

  /** A consulted body. */
  public record Body(String label, boolean binding, boolean conditional) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    if (info == null || info.equals("/")) {
      Optional<Tenant> chosen =
          Tenants.id(request.getParameter("commune")).flatMap(directory::find);
      if (chosen.isEmpty()) {
        notFound(request, response);
        return;
      }
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader(
          "Location",
          "/communes/" + URLEncoder.encode(chosen.get().id().value(), StandardCharsets.UTF_8));
      return;
    }
    String[] parts = info.substring(1).split("/", -1);
    Optional<Tenant> tenant = Tenants.id(parts[0]).flatMap(directory::find);
    if (tenant.isEmpty()) {
      notFound(request, response);
      return;
    }
    if (parts.length == 1) {
      catalogue(tenant.get(), request, response);
    } else if (parts.length == 3 && parts[1].equals("procedures")) {
      Optional<OfferedProcedure> procedure =
          procedures.offered(tenant.get().id()).stream()
              .filter(p -> p.definition().id().equals(parts[2]))
              .findFirst();
      if (procedure.isEmpty()) {
        notFound(request, response);
        return;
      }
      procedure(tenant.get(), procedure.get().definition(), request, response);
    } else {
      notFound(request, response);
    }
  }

  private void catalogue(Tenant tenant, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().of(tenant));
    List<ProcedureLink> offered =
        procedures.offered(tenant.id()).stream()
            .map(p -> new ProcedureLink(p.definition().id(), text(page, p.definition().name())))
            .toList();
    pages.render(
        page,
        "commune",
        Map.of(
            "commune", commune(page, tenant),
            "communeId", tenant.id().value(),
            "region", tenant.id().value().substring(0, 2),
            "open", tenant.status().acceptsDeposits(),
            "procedures", offered),
        HttpServletResponse.SC_OK,
        request,
        response);
  }

  private void procedure(
      Tenant tenant,
      ProcedureDefinition definition,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().of(tenant));
    List<Document> documents = definition.documents().stream().map(d -> document(page, d)).toList();
    List<FeeLine> fees =
        definition.fees().lines().stream().map(line -> fee(page, definition, line)).toList();
    List<Deadline> deadlines =
        definition.workflow().states().stream()
            .filter(s -> s.deadlineWorkingDays().isPresent())
            .map(
                s ->
                    new Deadline(
                        text(page, s.label()),
                        s.deadlineWorkingDays().get(),
                        s.silenceMeansAcceptance()))
            .toList();
    List<Body> bodies =
        definition.workflow().consultedBodies().stream()
            .map(b -> new Body(text(page, b.label()), b.binding(), b.when().isPresent()))
            .toList();
    pages.render(
        page,
        "procedure",
        Map.of(
            "commune", commune(page, tenant),
            "communeId", tenant.id().value(),
            "open", tenant.status().acceptsDeposits(),
            "procedure", text(page, definition.name()),
            "procedureId", definition.id(),
            "version", definition.version(),
            "documents", documents,
            "fees", fees,
            "deadlines", deadlines,
            "bodies", bodies),
        HttpServletResponse.SC_OK,
        request,
        response);
  }

  private static Document document(Page page, DocumentRequirement d) {
    String types =
        String.join(
            ", ",
            d.mediaTypes().stream()
                .map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT))
                .toList());
    BigDecimal megabytes =
        BigDecimal.valueOf(d.maxBytes())
            .divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return new Document(
        text(page, d.label()),
        d.required(),
        d.when().isPresent(),
        types,
        page.number(megabytes),
        d.maxCount());
  }

  private static FeeLine fee(Page page, ProcedureDefinition definition, FeeSchedule.Line line) {
    Optional<String> counted =
        line.perUnitOf()
            .or(() -> line.perItemOf())
            .or(() -> line.perDayBetween().map(FeeSchedule.DayRange::from));
    String unit =
        counted.flatMap(id -> label(definition, id)).map(label -> text(page, label)).orElse("");
    boolean perUnit = line.perUnit().signum() != 0;
    return new FeeLine(
        text(page, line.label()),
        page.amount(line.fixed()),
        perUnit ? page.amount(line.perUnit()) : null,
        line.perDayBetween().isPresent() ? null : unit,
        line.when().isPresent());
  }

  private static Optional<LocalizedText> label(ProcedureDefinition definition, String id) {
    FormDefinition form = definition.form();
    return form.sections().stream()
        .filter(s -> s.id().equals(id))
        .map(Section::label)
        .findFirst()
        .or(
            () ->
                form.fields().stream()
                    .filter(f -> f.id().equals(id))
                    .map(Field::label)
                    .findFirst());
  }

  private static String commune(Page page, Tenant tenant) {
    return page.name(tenant.nameFr(), tenant.nameAr());
  }

  private static String text(Page page, LocalizedText text) {
    return page.name(text.fr(), text.ar());
  }

  private void notFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    pages.render(page, "not-found", Map.of(), HttpServletResponse.SC_NOT_FOUND, request, response);
  }
}
