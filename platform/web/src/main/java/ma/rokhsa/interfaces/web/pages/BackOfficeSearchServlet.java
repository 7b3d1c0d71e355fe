package ma.rokhsa.interfaces.web.pages;

import static ma.rokhsa.interfaces.web.pages.DossierPagesServlet.text;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.application.SearchScopes;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.infrastructure.search.node.SearchNotReady;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.search.SearchParameters;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * The back office's search, for supervisors above all: the dossiers of the caller's territory (a
 * province, a region, the nation; an agent's communes), found by text and narrowed by state,
 * procedure, commune, province, deposit dates and lateness, with the index's facet counts shown as
 * links that narrow, and a page at a time with the index's cursor. A plain GET form: it works
 * without JavaScript and every search has its address.
 *
 * <pre>
 * GET /back-office/search?q=…&amp;state=…&amp;procedure=…&amp;tenant=…&amp;province=…&amp;region=…
 *                        &amp;depositedFrom=…&amp;depositedTo=…&amp;overdue=true&amp;cursor=…
 * </pre>
 *
 * <p>The scope is the caller's, drawn by {@link SearchScopes} as for {@code GET /api/search}; the
 * parameters are read by the API's own {@link SearchParameters} and only narrow it, so a commune
 * outside the territory gives an empty page. A dossier links to its back-office page when the
 * caller's {@link TenantAccess} lets them read its tenant.
 */
@WebServlet(name = "back-office-search", urlPatterns = BackOfficeSearchServlet.PATH)
public class BackOfficeSearchServlet extends HttpServlet {

  static final String PATH = "/back-office/search";
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 20;

  /** The most values a facet shows, the most frequent first (a selected one is always shown). */
  static final int FACET_VALUES = 12;

  /** The search's parameters, in the order of its addresses. */
  static final List<String> PARAMETERS =
      List.of(
          "q",
          "state",
          "procedure",
          "tenant",
          "province",
          "region",
          "depositedFrom",
          "depositedTo",
          "overdue");

  @Inject transient Pages pages;
  @Inject transient TenantDirectory directory;
  @Inject transient ProcedureCatalog catalog;
  @Inject transient SearchNode search;
  @Inject transient LegalTime time;

  /** A dossier found; {@code href} is null where the caller may not open it. */
  public record Hit(
      String href,
      String reference,
      String applicant,
      String commune,
      String procedure,
      String state,
      String due,
      boolean overdue) {}

  /** A value of a facet: a link that narrows the search to it, with its count. */
  public record FacetValue(
      String value, String label, String count, String href, boolean current) {}

  /**
   * A facet: a dimension's values with their counts.
   *
   * @param id the parameter it sets
   * @param legend its title
   * @param values the values shown
   * @param clearHref the search without this filter, when it is set; null otherwise
   */
  public record Facet(String id, String legend, List<FacetValue> values, String clearHref) {}

  /** An option of a select of the form. */
  public record Option(String value, String label, boolean selected) {}

  /** What was asked: one value per parameter (blank: not asked). */
  record Criteria(Map<String, String> values) {

    static Criteria of(HttpServletRequest request) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : PARAMETERS) {
        values.put(
            name,
            DossierPagesServlet.value(
                request, name, name.equals("q") ? SearchParameters.MAX_Q : 100));
      }
      return new Criteria(values);
    }

    String get(String name) {
      return values.getOrDefault(name, "");
    }

    Criteria with(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(values);
      changed.put(name, value);
      return new Criteria(changed);
    }

    /** The address of this search, optionally from a cursor. */
    String href(String cursor) {
      StringBuilder query = new StringBuilder();
      values.forEach(
          (name, value) -> {
            if (!value.isEmpty()) {
              query
                  .append(query.isEmpty() ? "?" : "&")
                  .append(name)
                  .append('=')
                  .append(encode(value));
            }
          });
      if (cursor != null) {
        query.append(query.isEmpty() ? "?" : "&").append("cursor=").append(encode(cursor));
      }
      return PATH + query;
    }

    private static List<String> list(String value) {
      return value.isEmpty() ? List.of() : List.of(value);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Caller> signedIn = pages.session().caller(request);
    if (signedIn.isEmpty()) {
      DossierPagesServlet.signIn(request, response);
      return;
    }
    Caller caller = signedIn.get();
    // Applicants find their own dossiers under /dossiers; this page is the administration's.
    Optional<SearchScope> scope =
        SearchScopes.of(caller).filter(s -> !(s instanceof SearchScope.OwnDossiers));
    if (scope.isEmpty()) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(
          page, "not-found", Map.of(), HttpServletResponse.SC_NOT_FOUND, request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().national());
    Criteria asked = Criteria.of(request);
    String cursor = DossierPagesServlet.value(request, "cursor", 1000);
    LocalDate today = time.today();
    Map<String, Optional<Tenant>> tenants = new HashMap<>();

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("action", PATH);
    model.put("scope", scopeName(page, scope.get(), tenants));
    asked.values().forEach(model::put);
    List<ErrorView> errors = new ArrayList<>();
    List<Hit> hits = new ArrayList<>();
    List<Facet> facets = new ArrayList<>();
    Map<String, List<Option>> options = new LinkedHashMap<>();
    boolean ready = true;
    long total = 0;
    String next = null;
    SearchRequest searched = null;
    try {
      searched =
          SearchParameters.parse(
              new SearchParameters.Raw(
                  asked.get("q"),
                  Criteria.list(asked.get("procedure")),
                  Criteria.list(asked.get("state")),
                  List.of(),
                  Criteria.list(asked.get("tenant")),
                  Criteria.list(asked.get("province")),
                  Criteria.list(asked.get("region")),
                  asked.get("depositedFrom"),
                  asked.get("depositedTo"),
                  null,
                  null,
                  asked.get("overdue").isEmpty() ? null : asked.get("overdue"),
                  // Words: the best match first; none: the soonest due first (the late lead).
                  asked.get("q").isEmpty() ? "due" : "relevance",
                  cursor.isEmpty() ? null : cursor,
                  Integer.toString(PAGE_SIZE)),
              scope.get(),
              today);
    } catch (ParameterRefused refused) {
      if (refused.parameter().equals("cursor")) {
        DossierPagesServlet.redirect(response, asked.href(null));
        return;
      }
      errors.add(
          new ErrorView(
              "#" + refused.parameter(),
              page.messages()
                  .find("search.error." + refused.parameter())
                  .orElse(page.messages().text("search.error.value"))));
    }
    if (searched != null) {
      try {
        SearchPage found = search.search(searched);
        total = found.total();
        for (SearchHit hit : found.hits()) {
          hits.add(hit(page, caller, hit, today, tenants));
        }
        facets = facets(page, scope.get(), asked, found.facets(), tenants, options);
        if (found.nextCursor().isPresent()) {
          next = asked.href(found.nextCursor().get());
        }
      } catch (SearchNotReady notReady) {
        // The index is being built on this node: say so rather than show nothing found.
        ready = false;
      } catch (IllegalArgumentException badCursor) {
        DossierPagesServlet.redirect(response, asked.href(null));
        return;
      }
    }
    for (String dimension : List.of("state", "procedure", "tenant")) {
      options.computeIfAbsent(dimension, d -> new ArrayList<>());
      String chosen = asked.get(dimension);
      if (!chosen.isEmpty()
          && options.get(dimension).stream().noneMatch(o -> o.value().equals(chosen))) {
        options
            .get(dimension)
            .add(new Option(chosen, label(page, dimension, chosen, asked, tenants), true));
      }
    }
    model.put("stateOptions", options.get("state"));
    model.put("procedureOptions", options.get("procedure"));
    model.put("tenantOptions", options.get("tenant"));
    model.put("overdueChecked", "true".equals(asked.get("overdue")));
    model.put("errors", errors);
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    model.put("fieldErrors", byField);
    model.put("ready", ready);
    model.put("searched", searched != null && ready);
    model.put("dossiers", hits);
    model.put("facets", facets);
    model.put("total", page.number(total));
    model.put("nextHref", next);
    model.put("firstHref", cursor.isEmpty() ? null : asked.href(null));
    pages.render(page, "agent-search", model, errors.isEmpty() ? 200 : 422, request, response);
  }

  private Hit hit(
      Page page,
      Caller caller,
      SearchHit hit,
      LocalDate today,
      Map<String, Optional<Tenant>> tenants) {
    Optional<Tenant> tenant = tenant(hit.tenant(), tenants);
    // Within the scope every tenant is readable; the link still asks the one place that decides.
    boolean readable = tenant.map(t -> TenantAccess.of(caller, t).read()).orElse(false);
    Optional<ProcedureDefinition> definition =
        catalog.procedure(hit.procedure()).map(ProcedureCatalog.OfferedProcedure::definition);
    LocalDate due = hit.dueDate();
    return new Hit(
        readable
            ? BackOfficeServlet.PATH + "/" + hit.tenant() + "/dossiers/" + encode(hit.id())
            : null,
        hit.reference() == null ? "" : hit.reference(),
        hit.applicant() == null ? "" : hit.applicant(),
        tenant
            .map(t -> page.name(t.nameFr(), t.nameAr()))
            .orElse(hit.commune() == null ? hit.tenant() : hit.commune()),
        definition.map(d -> text(page, d.name())).orElse(hit.procedure()),
        definition
            .flatMap(d -> d.workflow().state(hit.state()))
            .map(s -> text(page, s.label()))
            .orElseGet(() -> stateLabel(page, hit.state(), "")),
        due == null ? "" : page.date(due),
        Phase.OPEN.name().equals(hit.phase()) && due != null && today.isAfter(due));
  }

  /**
   * The facets shown: state, procedure, commune, and the province (region) for a region's (the
   * nation's) searches, then lateness. Each value links to this search narrowed to it.
   */
  private List<Facet> facets(
      Page page,
      SearchScope scope,
      Criteria asked,
      Map<String, Map<String, Long>> counts,
      Map<String, Optional<Tenant>> tenants,
      Map<String, List<Option>> options) {
    List<String> dimensions = new ArrayList<>(List.of("state", "procedure", "tenant"));
    if (scope instanceof SearchScope.Region || scope instanceof SearchScope.National) {
      dimensions.add("province");
    }
    if (scope instanceof SearchScope.National) {
      dimensions.add("region");
    }
    List<Facet> facets = new ArrayList<>();
    for (String dimension : dimensions) {
      String chosen = asked.get(dimension);
      Map<String, Long> values = counts.getOrDefault(dimension, Map.of());
      List<Map.Entry<String, Long>> ordered =
          values.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .toList();
      Map<String, String> labels = new LinkedHashMap<>();
      for (Map.Entry<String, Long> value : ordered) {
        labels.put(value.getKey(), label(page, dimension, value.getKey(), asked, tenants));
      }
      options.put(
          dimension,
          labels.entrySet().stream()
              .sorted(Map.Entry.comparingByValue())
              .map(l -> new Option(l.getKey(), l.getValue(), l.getKey().equals(chosen)))
              .collect(Collectors.toCollection(ArrayList::new)));
      List<FacetValue> shown = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        String value = ordered.get(i).getKey();
        if (i < FACET_VALUES || value.equals(chosen)) {
          shown.add(
              new FacetValue(
                  value,
                  labels.get(value),
                  page.number(ordered.get(i).getValue()),
                  asked.with(dimension, value).href(null),
                  value.equals(chosen)));
        }
      }
      if (!shown.isEmpty() || !chosen.isEmpty()) {
        facets.add(
            new Facet(
                dimension,
                page.messages().text("search.facet." + dimension),
                shown,
                chosen.isEmpty() ? null : asked.with(dimension, "").href(null)));
      }
    }
    long late = counts.getOrDefault("overdue", Map.of()).getOrDefault("true", 0L);
    boolean lateAsked = "true".equals(asked.get("overdue"));
    if (late > 0 || lateAsked) {
      facets.add(
          new Facet(
              "overdue",
              page.messages().text("search.facet.overdue"),
              List.of(
                  new FacetValue(
                      "true",
                      page.messages().text("dossier.overdue"),
                      page.number(late),
                      asked.with("overdue", "true").href(null),
                      lateAsked)),
              lateAsked ? asked.with("overdue", "").href(null) : null));
    }
    return facets;
  }

  /** A facet's value in the page's language: a state, a procedure, a commune or a territory. */
  private String label(
      Page page,
      String dimension,
      String value,
      Criteria asked,
      Map<String, Optional<Tenant>> tenants) {
    return switch (dimension) {
      case "state" -> stateLabel(page, value, asked.get("procedure"));
      case "procedure" ->
          catalog.procedure(value).map(p -> text(page, p.definition().name())).orElse(value);
      case "tenant", "province", "region" ->
          tenant(value, tenants).map(t -> page.name(t.nameFr(), t.nameAr())).orElse(value);
      default -> value;
    };
  }

  /**
   * A state's label as a procedure names it: the procedure asked for first, else the first of the
   * catalog that has the state (procedures name a state id alike in their own words).
   */
  private String stateLabel(Page page, String state, String procedure) {
    List<ProcedureCatalog.OfferedProcedure> all = new ArrayList<>();
    catalog.procedure(procedure).ifPresent(all::add);
    all.addAll(catalog.procedures());
    for (ProcedureCatalog.OfferedProcedure p : all) {
      Optional<Workflow.State> found = p.definition().workflow().state(state);
      if (found.isPresent()) {
        return text(page, found.get().label());
      }
    }
    return state;
  }

  /** Where the caller searches, in words: the territory, the communes, or the whole country. */
  private String scopeName(Page page, SearchScope scope, Map<String, Optional<Tenant>> tenants) {
    if (scope instanceof SearchScope.Province p) {
      return name(page, p.code(), tenants);
    }
    if (scope instanceof SearchScope.Region r) {
      return name(page, r.code(), tenants);
    }
    if (scope instanceof SearchScope.Tenants t) {
      return t.tenants().stream()
          .sorted()
          .map(id -> name(page, id, tenants))
          .collect(Collectors.joining(page.messages().text("search.scope.separator")));
    }
    return page.messages().text("search.scope.national");
  }

  private String name(Page page, String id, Map<String, Optional<Tenant>> tenants) {
    return tenant(id, tenants).map(t -> page.name(t.nameFr(), t.nameAr())).orElse(id);
  }

  private Optional<Tenant> tenant(String id, Map<String, Optional<Tenant>> tenants) {
    return tenants.computeIfAbsent(id, key -> Tenants.id(key).flatMap(directory::find));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
