package ma.rokhsa.interfaces.web.pages;

import static ma.rokhsa.interfaces.web.pages.DossierPagesServlet.text;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import ma.rokhsa.application.AccessDenied;
import ma.rokhsa.application.AuthorizationDelivery;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.DeliveryService;
import ma.rokhsa.application.DeliveryService.Outcome;
import ma.rokhsa.application.DossierFile;
import ma.rokhsa.application.DossierQueries;
import ma.rokhsa.application.InstructionService;
import ma.rokhsa.application.InstructionService.ActionInput;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.SearchScopes;
import ma.rokhsa.application.SignedDelivery;
import ma.rokhsa.application.SigningRefused;
import ma.rokhsa.application.StaleDossier;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.application.TenantProcedureService;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.dossier.Verdict;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.infrastructure.search.node.SearchNotReady;
import ma.rokhsa.interfaces.web.pages.Applicants.AtTenant;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * The back office, for the agents of a commune, without JavaScript: the work queue, a dossier with
 * its documents, form, avis, legal clock and timeline, and what the caller may do on it now — the
 * guichet's completeness decision, a commission member's avis for each body they speak for, a
 * signatory's decision and signature — and the signatory's batch of dossiers to sign.
 *
 * <pre>
 * GET  /back-office                                      the caller's communes (one: its queue); a
 *                                                        supervisor's territory, commune by commune
 * GET  /back-office/{tenant}?state=…&amp;cursor=…           the work queue, due first
 * GET  /back-office/{tenant}/dossiers/{id}               the dossier
 * GET  /back-office/{tenant}/dossiers/{id}/files/{file}  a file, shown by the browser (PDF)
 * GET  /back-office/{tenant}/dossiers/{id}/authorization the signed authorization (PDF)
 * POST /back-office/{tenant}/dossiers/{id}/actions/{a}   an action of the workflow
 * POST /back-office/{tenant}/dossiers/{id}/avis          a consulted body's avis
 * POST /back-office/{tenant}/dossiers/{id}/sign          the signature (PIN)
 * GET  /back-office/{tenant}/signatures                  awaiting my signature     POST: sign them
 * </pre>
 *
 * <p>Each page calls the application services the API calls ({@link DossierQueries}, {@link
 * InstructionService}, {@link DeliveryService}, the search node in the caller's {@link SearchScopes
 * scope}) with the {@link ma.rokhsa.application.TenantContext} that {@link Agents} draws from
 * {@code TenantAccess}: roles, bodies and the tenant boundary are the services'.
 */
@WebServlet(
    name = "back-office-pages",
    urlPatterns = {BackOfficeServlet.PATH, BackOfficeServlet.PATH + "/*"})
public class BackOfficeServlet extends HttpServlet {

  static final String PATH = "/back-office";
  private static final long serialVersionUID = 1L;
  private static final int QUEUE_PAGE = 20;
  private static final int SIGNATURE_PAGE = 50;
  private static final int MAX_TEXT = 8000;
  private static final int MAX_REASON = 190;
  private static final int MAX_PIN = 128;
  private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  /** The verdicts a body gives (a deemed favorable one is the platform's). */
  private static final List<Verdict> GIVEN =
      List.of(Verdict.FAVORABLE, Verdict.FAVORABLE_WITH_RESERVATIONS, Verdict.UNFAVORABLE);

  @Inject transient Pages pages;
  @Inject transient Agents agents;
  @Inject transient TenantDirectory directory;
  @Inject transient TenantProcedureService procedures;
  @Inject transient DossierQueries queries;
  @Inject transient InstructionService instruction;
  @Inject transient DeliveryService delivery;
  @Inject transient AuthorizationDelivery authorizations;
  @Inject transient SearchNode search;
  @Inject transient LegalTime time;
  @Inject transient WorkingCalendars calendars;

  /** A commune the caller works for. */
  public record CommuneLink(String href, String name) {}

  /**
   * Communes the caller answers for, under a heading: their own, or a province's.
   *
   * @param searchHref the search narrowed to the group (a province), or null
   */
  public record CommuneGroup(String name, String searchHref, List<CommuneLink> communes) {}

  /** A value of the state filter, with how many dossiers are in it. */
  public record StateOption(String value, String label, boolean selected) {}

  /** A dossier of the queue. */
  public record QueueLine(
      String href,
      String reference,
      String applicant,
      String procedure,
      String state,
      String due,
      String clock,
      boolean overdue) {}

  /** A file of the dossier: the browser shows it from {@code href}. */
  public record FileLink(String href, String name, String size) {}

  /** A document of the procedure and its files. */
  public record DocumentFiles(String id, String label, List<FileLink> files) {}

  /** A consulted body's avis, given or awaited. */
  public record AvisLine(
      String body,
      boolean binding,
      String due,
      String verdict,
      boolean awaited,
      String motivation,
      String givenBy) {}

  /** A complement request: its items and the applicant's answer. */
  public record ComplementLine(String requestedAt, List<String> items, String answer) {}

  /**
   * An action the caller may take now.
   *
   * @param kind {@code plain}, {@code complements} (with the items asked for) or {@code sign}
   */
  public record ActionView(String id, String label, String kind, boolean motivated) {}

  /** A body whose avis the caller gives here and which is still awaited. */
  public record AvisForm(String body, String label) {}

  /** A document that a complement request may name. */
  public record ItemChoice(String id, String label, boolean checked, String reason) {}

  /** A dossier awaiting the signatory. */
  public record Pending(String id, String href, String reference, String applicant, String due) {}

  /** What became of a dossier of a batch. */
  public record SignedLine(String reference, String href, boolean signed, String detail) {}

  // ---- routing ---------------------------------------------------------------------------------

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Caller> caller = pages.session().caller(request);
    if (caller.isEmpty()) {
      DossierPagesServlet.signIn(request, response);
      return;
    }
    List<String> path = DossierPagesServlet.path(request);
    try {
      if (path.isEmpty()) {
        home(caller.get(), request, response);
        return;
      }
      Optional<AtTenant> at = agents.at(caller.get(), path.get(0), request);
      if (at.isEmpty()) {
        notFound(request, response);
        return;
      }
      if (path.size() == 1) {
        queue(at.get(), request, response);
      } else if (path.size() == 2 && path.get(1).equals("signatures")) {
        signatures(at.get(), List.of(), List.of(), 200, request, response);
      } else if (path.size() >= 3 && path.get(1).equals("dossiers")) {
        DossierId id = DossierPagesServlet.dossierId(path.get(2));
        if (path.size() == 3) {
          dossier(at.get(), id, Form.NONE, 200, request, response);
        } else if (path.size() == 5 && path.get(3).equals("files")) {
          file(at.get(), id, path.get(4), response);
        } else if (path.size() == 4 && path.get(3).equals("authorization")) {
          AuthorizationDelivery.SignedFile file =
              authorizations.authorization(at.get().context(), id);
          DossierPagesServlet.pdf(
              response, file.pdf(), "autorisation-" + file.document().reference() + ".pdf");
        } else {
          notFound(request, response);
        }
      } else {
        notFound(request, response);
      }
    } catch (NotFound | AccessDenied | IllegalArgumentException missing) {
      notFound(request, response);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    Optional<Caller> caller = pages.session().caller(request);
    if (!DossierPagesServlet.formAccepted(request)) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "expired", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
      return;
    }
    if (caller.isEmpty()) {
      DossierPagesServlet.signIn(request, response);
      return;
    }
    List<String> path = DossierPagesServlet.path(request);
    Optional<AtTenant> at = Optional.empty();
    DossierId id = null;
    try {
      at = path.isEmpty() ? Optional.empty() : agents.at(caller.get(), path.get(0), request);
      if (at.isEmpty()) {
        notFound(request, response);
        return;
      }
      if (path.size() == 2 && path.get(1).equals("signatures")) {
        signBatch(at.get(), request, response);
        return;
      }
      if (path.size() < 4 || !path.get(1).equals("dossiers")) {
        notFound(request, response);
        return;
      }
      id = DossierPagesServlet.dossierId(path.get(2));
      switch (path.get(3)) {
        case "actions" -> {
          if (path.size() != 5) {
            notFound(request, response);
            return;
          }
          act(at.get(), id, path.get(4), request, response);
        }
        case "avis" -> avis(at.get(), id, request, response);
        case "sign" -> sign(at.get(), id, request, response);
        default -> notFound(request, response);
      }
    } catch (NotFound | IllegalArgumentException missing) {
      notFound(request, response);
    } catch (AccessDenied refused) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "refused", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
    } catch (RuntimeException e) {
      if (at.isEmpty() || id == null || !StaleDossier.changedMeanwhile(e)) {
        throw e;
      }
      // Another agent acted first (found by the version posted, or only at commit): nothing was
      // done; the dossier is shown again as it is now.
      Page page = pages.open(request, response, pages.themes().of(at.get().tenant()));
      dossier(at.get(), id, Form.of(changed(page), Map.of()), 409, request, response);
    }
  }

  private static String base(AtTenant at) {
    return PATH + "/" + at.tenant().id().value();
  }

  private static String dossierHref(AtTenant at, DossierId id) {
    return base(at) + "/dossiers/" + id.value();
  }

  // ---- the caller's communes -------------------------------------------------------------------

  private void home(Caller caller, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<TenantId> tenants = Agents.tenants(caller);
    Optional<SearchScope> scope = SearchScopes.of(caller);
    boolean territory =
        scope.isPresent()
            && !(scope.get() instanceof SearchScope.Tenants)
            && !(scope.get() instanceof SearchScope.OwnDossiers);
    if (!territory && tenants.size() == 1) {
      DossierPagesServlet.redirect(response, PATH + "/" + tenants.get(0).value());
      return;
    }
    Page page = pages.open(request, response, pages.themes().national());
    List<CommuneGroup> groups = new ArrayList<>();
    List<CommuneLink> mine = new ArrayList<>();
    for (TenantId id : tenants) {
      directory.find(id).ifPresent(t -> mine.add(queueLink(page, t)));
    }
    if (!mine.isEmpty()) {
      groups.add(new CommuneGroup(page.messages().text("agent.home.mine"), null, mine));
    }
    if (territory) {
      groups.addAll(territory(page, scope.get()));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("groups", groups);
    model.put("searchHref", scope.isPresent() ? BackOfficeSearchServlet.PATH : null);
    pages.render(page, "agent-home", model, 200, request, response);
  }

  private static CommuneLink queueLink(Page page, Tenant tenant) {
    return new CommuneLink(
        PATH + "/" + tenant.id().value(), page.name(tenant.nameFr(), tenant.nameAr()));
  }

  /**
   * What a supervisor answers for: the province's communes (and arrondissements), each to its
   * queue; a region's, province by province; for the national admin, the regions, each to its
   * search (the communes of the nation are too many for one page).
   */
  private List<CommuneGroup> territory(Page page, SearchScope scope) {
    String search = BackOfficeSearchServlet.PATH;
    if (scope instanceof SearchScope.National) {
      List<CommuneLink> regions = new ArrayList<>();
      for (Tenant region : directory.list(Optional.empty(), List.of(TenantKind.REGION))) {
        regions.add(
            new CommuneLink(
                search + "?region=" + encode(region.id().value()),
                page.name(region.nameFr(), region.nameAr())));
      }
      return List.of(new CommuneGroup(page.messages().text("agent.home.regions"), null, regions));
    }
    String root =
        scope instanceof SearchScope.Region r
            ? r.code()
            : scope instanceof SearchScope.Province p ? p.code() : null;
    Optional<TenantId> rootId = Tenants.id(root);
    if (rootId.isEmpty()) {
      return List.of();
    }
    Map<TenantId, Tenant> provinces = new LinkedHashMap<>();
    Map<TenantId, List<CommuneLink>> communes = new LinkedHashMap<>();
    for (Tenant t : directory.list(rootId, List.of())) {
      if (t.kind().isProvinceLevel()) {
        provinces.put(t.id(), t);
        communes.putIfAbsent(t.id(), new ArrayList<>());
      } else if (t.kind().isCommune() || t.kind() == TenantKind.ARRONDISSEMENT) {
        provinceOf(t)
            .ifPresent(
                p -> communes.computeIfAbsent(p, k -> new ArrayList<>()).add(queueLink(page, t)));
      }
    }
    List<CommuneGroup> groups = new ArrayList<>();
    communes.forEach(
        (id, links) -> {
          Tenant province = provinces.get(id);
          if (province != null && !links.isEmpty()) {
            groups.add(
                new CommuneGroup(
                    page.name(province.nameFr(), province.nameAr()),
                    search + "?province=" + encode(id.value()),
                    links));
          }
        });
    return groups;
  }

  /** The province of a commune or an arrondissement: the first two levels of its code. */
  private static Optional<TenantId> provinceOf(Tenant tenant) {
    String id = tenant.id().value();
    int second = id.indexOf('.', id.indexOf('.') + 1);
    return second < 0 ? Optional.empty() : Tenants.id(id.substring(0, second));
  }

  // ---- the work queue --------------------------------------------------------------------------

  private void queue(AtTenant at, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Tenant tenant = at.tenant();
    Page page = pages.open(request, response, pages.themes().of(tenant));
    Caller caller = pages.session().caller(request).orElseThrow();
    String state = DossierPagesServlet.value(request, "state", 100);
    String cursor = DossierPagesServlet.value(request, "cursor", 1000);
    if (!state.matches("[A-Za-z0-9._-]*")) {
      state = "";
    }
    if (!cursor.matches("[A-Za-z0-9_-]*")) {
      cursor = "";
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", page.name(tenant.nameFr(), tenant.nameAr()));
    model.put("action", base(at));
    List<QueueLine> lines = new ArrayList<>();
    List<StateOption> states = new ArrayList<>();
    boolean ready = true;
    long total = 0;
    String next = null;
    // The scope is the caller's, as the search API draws it; the tenant only narrows it.
    Optional<SearchScope> scope = SearchScopes.of(caller);
    if (scope.isPresent()) {
      LocalDate today = time.today();
      try {
        SearchPage found =
            search.search(
                SearchRequest.of(scope.get(), "", today)
                    .withFilters(
                        Set.of(),
                        state.isEmpty() ? Set.of() : Set.of(state),
                        Set.of(Phase.OPEN),
                        Set.of(tenant.id().value()),
                        Set.of(),
                        Set.of())
                    .withPage(SearchSort.DUE, cursor.isEmpty() ? null : cursor, QUEUE_PAGE));
        Map<String, ProcedureDefinition> definitions = definitions(tenant.id());
        WorkingCalendar calendar = calendars.forTenant(tenant.id());
        for (SearchHit hit : found.hits()) {
          lines.add(line(page, at, hit, definitions, calendar, today));
        }
        total = found.total();
        Map<String, Long> counts = found.facets().getOrDefault("state", Map.of());
        for (Map.Entry<String, Long> count : counts.entrySet()) {
          states.add(
              new StateOption(
                  count.getKey(),
                  page.messages()
                      .text(
                          "agent.queue.state-count",
                          stateLabel(page, definitions, count.getKey()),
                          page.number(count.getValue())),
                  count.getKey().equals(state)));
        }
        if (found.nextCursor().isPresent()) {
          next =
              base(at)
                  + "?"
                  + (state.isEmpty() ? "" : "state=" + encode(state) + "&")
                  + "cursor="
                  + encode(found.nextCursor().get());
        }
      } catch (IllegalArgumentException badCursor) {
        DossierPagesServlet.redirect(response, base(at));
        return;
      } catch (SearchNotReady notReady) {
        // The index is being built on this node: say so rather than show an empty queue.
        ready = false;
      }
    }
    model.put("dossiers", lines);
    model.put("states", states);
    model.put("state", state);
    model.put("ready", ready);
    model.put("total", page.number(total));
    model.put("nextHref", next);
    model.put(
        "firstHref",
        cursor.isEmpty() ? null : base(at) + (state.isEmpty() ? "" : "?state=" + encode(state)));
    model.put(
        "signaturesHref",
        at.context().actor().actingRoles().contains(ActingRole.SIGNATORY)
            ? base(at) + "/signatures"
            : null);
    pages.render(page, "agent-queue", model, 200, request, response);
  }

  private QueueLine line(
      Page page,
      AtTenant at,
      SearchHit hit,
      Map<String, ProcedureDefinition> definitions,
      WorkingCalendar calendar,
      LocalDate today) {
    ProcedureDefinition definition = definitions.get(hit.procedure());
    String procedure = definition == null ? hit.procedure() : text(page, definition.name());
    LocalDate due = hit.dueDate();
    boolean overdue = due != null && today.isAfter(due);
    return new QueueLine(
        base(at) + "/dossiers/" + hit.id(),
        hit.reference(),
        hit.applicant(),
        procedure,
        // The state as the dossier's own procedure names it (procedures name a state id alike
        // in their own words).
        definition == null
            ? stateLabel(page, definitions, hit.state())
            : definition
                .workflow()
                .state(hit.state())
                .map(s -> text(page, s.label()))
                .orElse(hit.state()),
        due == null ? "" : page.date(due),
        clock(page, calendar, today, due),
        overdue);
  }

  private Map<String, ProcedureDefinition> definitions(TenantId tenant) {
    Map<String, ProcedureDefinition> definitions = new LinkedHashMap<>();
    procedures.offered(tenant).forEach(p -> definitions.put(p.definition().id(), p.definition()));
    return definitions;
  }

  private static String stateLabel(
      Page page, Map<String, ProcedureDefinition> definitions, String state) {
    for (ProcedureDefinition d : definitions.values()) {
      Optional<Workflow.State> found = d.workflow().state(state);
      if (found.isPresent()) {
        return text(page, found.get().label());
      }
    }
    return state;
  }

  /**
   * The legal clock in words: working days left, due today, or working days late (the count given
   * as a number, so that it reads in the language's plural form).
   */
  static String clock(Page page, WorkingCalendar calendar, LocalDate today, LocalDate due) {
    if (due == null) {
      return "";
    }
    if (today.isAfter(due)) {
      return page.messages().text("agent.clock.late", calendar.workingDaysBetween(due, today));
    }
    if (today.equals(due)) {
      return page.messages().text("agent.clock.today");
    }
    return page.messages().text("agent.clock.left", calendar.workingDaysBetween(today, due));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- the dossier -----------------------------------------------------------------------------

  /**
   * What was posted back with errors: shown again by its field.
   *
   * @param errors each error, linked to its field
   * @param values the values posted, by field id
   */
  record Form(List<ErrorView> errors, Map<String, String> values) {
    static final Form NONE = new Form(List.of(), Map.of());

    static Form of(ErrorView error, Map<String, String> values) {
      return new Form(List.of(error), values);
    }
  }

  private void dossier(
      AtTenant at,
      DossierId id,
      Form form,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    DossierFile file = queries.view(at.context(), id);
    Dossier dossier = file.dossier();
    if (dossier.phase() == Phase.DRAFT) {
      notFound(request, response);
      return;
    }
    Tenant tenant = at.tenant();
    Page page = pages.open(request, response, pages.themes().of(tenant));
    ProcedureDefinition definition = file.procedure().definition();
    Workflow workflow = definition.workflow();
    String here = dossierHref(at, id);
    LocalDate today = time.today();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", page.name(tenant.nameFr(), tenant.nameAr()));
    model.put("queueHref", base(at));
    model.put("procedure", text(page, definition.name()));
    model.put("reference", dossier.reference().orElse(""));
    model.put("applicantName", dossier.applicantName());
    model.put("contactEmail", dossier.contactEmail());
    model.put(
        "state",
        dossier.state().flatMap(workflow::state).map(s -> text(page, s.label())).orElse(""));
    model.put(
        "deposited",
        dossier.submittedAt().map(t -> page.date(t.atZone(MOROCCO).toLocalDate())).orElse(""));
    model.put("dueDate", dossier.dueDate().map(page::date).orElse(null));
    model.put(
        "clock",
        dossier.phase() == Phase.OPEN
            ? clock(page, calendars.forTenant(tenant.id()), today, dossier.dueDate().orElse(null))
            : "");
    model.put("overdue", file.overdue());
    model.put("version", dossier.version());
    model.put("done", doneMessage(page, request.getParameter("done")));

    // Documents, each file shown by the browser itself (a PDF in its own viewer).
    List<DocumentFiles> documents = new ArrayList<>();
    for (DocumentRequirement d : definition.documents()) {
      List<FileLink> files =
          file.attachments().stream()
              .filter(a -> a.current() && a.avisBody().isEmpty() && a.documentId().equals(d.id()))
              .map(a -> fileLink(page, here, a))
              .toList();
      documents.add(new DocumentFiles(d.id(), text(page, d.label()), files));
    }
    model.put("documents", documents);
    model.put(
        "sections", DossierPagesServlet.answers(page, definition.form(), dossier.values(), here));

    // The avis of the consulted bodies, round by round.
    List<AvisLine> avis = new ArrayList<>();
    for (Avis a : file.avis()) {
      String body =
          workflow.consultedBodies().stream()
              .filter(b -> b.id().equals(a.bodyId()))
              .findFirst()
              .map(b -> text(page, b.label()))
              .orElse(a.bodyId());
      avis.add(
          new AvisLine(
              body,
              a.binding(),
              page.date(a.dueDate()),
              a.verdict()
                  .map(
                      v ->
                          page.messages()
                              .text("agent.verdict." + v.name().toLowerCase(Locale.ROOT)))
                  .orElse(page.messages().text("agent.avis.awaited")),
              a.awaited(),
              a.motivation().orElse(""),
              a.givenBy().orElse("")));
    }
    model.put("avis", avis);
    model.put("complements", DossierPagesServlet.complements(page, definition, file.complements()));
    model.put("timeline", DossierPagesServlet.timeline(page, workflow, file.timeline()));

    // What the caller may do now: the workflow's actions, the avis of the bodies they speak for.
    List<ActionView> actions = new ArrayList<>();
    for (Transition t : file.allowed()) {
      if (t.by() == ActingRole.APPLICANT || t.by() == ActingRole.SYSTEM) {
        continue;
      }
      String kind =
          SignedDelivery.isSignature(workflow, t)
              ? "sign"
              : asksComplements(workflow, t) ? "complements" : "plain";
      boolean motivated =
          kind.equals("plain")
              && t.by() == ActingRole.SIGNATORY
              && workflow.state(t.to()).map(Workflow.State::terminal).orElse(false);
      actions.add(new ActionView(t.action(), actionLabel(page, workflow, t), kind, motivated));
    }
    model.put("actions", actions);
    Set<String> mine = at.context().actor().bodies();
    List<AvisForm> avisForms = new ArrayList<>();
    if (dossier.phase() == Phase.OPEN) {
      for (Avis a : dossier.currentRound()) {
        if (a.awaited() && mine.contains(a.bodyId())) {
          avisForms.add(
              new AvisForm(
                  a.bodyId(),
                  workflow.consultedBodies().stream()
                      .filter(b -> b.id().equals(a.bodyId()))
                      .findFirst()
                      .map(b -> text(page, b.label()))
                      .orElse(a.bodyId())));
        }
      }
    }
    model.put("avisForms", avisForms);
    List<DossierPagesServlet.ChoiceView> verdicts = new ArrayList<>();
    for (Verdict v : GIVEN) {
      verdicts.add(
          new DossierPagesServlet.ChoiceView(
              v.name(),
              page.messages().text("agent.verdict." + v.name().toLowerCase(Locale.ROOT)),
              false));
    }
    model.put("verdicts", verdicts);
    List<ItemChoice> items = new ArrayList<>();
    for (DocumentRequirement d : definition.documents()) {
      items.add(
          new ItemChoice(
              d.id(),
              text(page, d.label()),
              form.values().containsKey("item-" + d.id()),
              form.values().getOrDefault("reason-" + d.id(), "")));
    }
    model.put("items", items);
    model.put("base", here);
    model.put("errors", form.errors());
    Map<String, String> byField = new LinkedHashMap<>();
    form.errors().forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    model.put("fieldErrors", byField);
    model.put("values", form.values());
    boolean signed =
        file.timeline().stream()
            .anyMatch(
                e ->
                    e.fromState().isPresent()
                        && workflow.from(e.fromState().get()).stream()
                            .anyMatch(
                                t ->
                                    t.action().equals(e.action())
                                        && SignedDelivery.isSignature(workflow, t)));
    model.put("authorizationHref", signed ? here + "/authorization" : null);
    pages.render(page, "agent-dossier", model, status, request, response);
  }

  private static FileLink fileLink(Page page, String here, Attachment a) {
    return new FileLink(
        here + "/files/" + a.id(), a.fileName(), DossierPagesServlet.size(page, a.size()));
  }

  /** As the domain decides it: the guichet's way to a state where the applicant acts. */
  private static boolean asksComplements(Workflow workflow, Transition t) {
    return t.by() == ActingRole.GUICHET_AGENT
        && workflow.from(t.to()).stream().anyMatch(n -> n.by() == ActingRole.APPLICANT);
  }

  private static String actionLabel(Page page, Workflow workflow, Transition t) {
    return page.messages()
        .find("agent.action." + t.action())
        .orElseGet(
            () ->
                page.messages()
                    .text(
                        "agent.action.to",
                        workflow.state(t.to()).map(s -> text(page, s.label())).orElse(t.to())));
  }

  private static String doneMessage(Page page, String done) {
    if (done == null || !done.matches("[a-z-]{1,40}")) {
      return null;
    }
    return page.messages().find("agent.done." + done).orElse(page.messages().text("agent.done"));
  }

  private void file(AtTenant at, DossierId id, String attachment, HttpServletResponse response)
      throws IOException {
    long attachmentId;
    try {
      attachmentId = Long.parseLong(attachment);
    } catch (NumberFormatException e) {
      throw new NotFound("no such file");
    }
    DossierQueries.Download d = queries.download(at.context(), id, attachmentId);
    try (InputStream in = d.bytes()) {
      response.setStatus(200);
      response.setContentType(d.attachment().mediaType());
      // Inline: the browser shows a PDF in its own viewer (a sandboxing CSP would stop that
      // viewer); the type was read from the bytes at upload, and nosniff keeps the browser to it.
      response.setHeader(
          "Content-Disposition",
          "inline; filename=\""
              + d.attachment().fileName().replaceAll("[^A-Za-z0-9._-]", "_")
              + "\"");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentLengthLong(d.attachment().size());
      in.transferTo(response.getOutputStream());
    }
  }

  // ---- changes ---------------------------------------------------------------------------------

  /** The dossier's version a form posts back ({@code version}), if it posts one. */
  static OptionalLong version(HttpServletRequest request) {
    try {
      return OptionalLong.of(Long.parseLong(DossierPagesServlet.value(request, "version", 20)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Map<String, String> posted(HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : request.getParameterMap().keySet()) {
      if (!name.equals(Csrf.FIELD) && !name.equals("pin")) {
        values.put(name, DossierPagesServlet.value(request, name, MAX_TEXT));
      }
    }
    String[] checked = request.getParameterValues("item");
    if (checked != null) {
      for (String item : checked) {
        values.put("item-" + item, "on");
      }
    }
    return values;
  }

  private void act(
      AtTenant at,
      DossierId id,
      String action,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Map<String, String> values = posted(request);
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    String motivation = DossierPagesServlet.value(request, "motivation", MAX_TEXT);
    List<Map<String, String>> items = new ArrayList<>();
    String[] checked = request.getParameterValues("item");
    if (checked != null) {
      for (String item : checked) {
        if (item.length() > 100) {
          continue;
        }
        Map<String, String> one = new LinkedHashMap<>();
        one.put("item", item);
        one.put("reason", DossierPagesServlet.value(request, "reason-" + item, MAX_REASON));
        items.add(one);
      }
    }
    boolean complements = "complements".equals(request.getParameter("kind"));
    if (complements && items.isEmpty()) {
      dossier(
          at,
          id,
          Form.of(
              new ErrorView("#complement-items", page.messages().text("agent.error.items")),
              values),
          422,
          request,
          response);
      return;
    }
    try {
      instruction.act(
          at.context(),
          id,
          action,
          new ActionInput(motivation.isEmpty() ? Optional.empty() : Optional.of(motivation), items),
          version(request));
    } catch (InvalidInput invalid) {
      String message = String.valueOf(invalid.getMessage());
      ErrorView error =
          message.startsWith("items")
              ? new ErrorView("#complement-items", page.messages().text("agent.error.items"))
              : new ErrorView(
                  "#motivation-" + action, page.messages().text("agent.error.motivation"));
      dossier(at, id, Form.of(error, values), 422, request, response);
      return;
    } catch (RuleViolation | ma.rokhsa.application.Incomplete refused) {
      dossier(at, id, Form.of(notNow(page), Map.of()), 409, request, response);
      return;
    }
    DossierPagesServlet.redirect(response, dossierHref(at, id) + "?done=" + action);
  }

  private static ErrorView changed(Page page) {
    return new ErrorView("#actions", page.messages().text("agent.error.changed"));
  }

  private static ErrorView notNow(Page page) {
    return new ErrorView("#actions", page.messages().text("refused.text"));
  }

  private void avis(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String> values = posted(request);
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    String body = DossierPagesServlet.value(request, "body", 100);
    String verdictText = DossierPagesServlet.value(request, "verdict", 40);
    String motivation = DossierPagesServlet.value(request, "motivation", MAX_TEXT);
    Verdict verdict = null;
    for (Verdict v : GIVEN) {
      if (v.name().equals(verdictText)) {
        verdict = v;
      }
    }
    if (verdict == null) {
      dossier(
          at,
          id,
          Form.of(
              new ErrorView("#verdict-" + body, page.messages().text("agent.error.verdict")),
              values),
          422,
          request,
          response);
      return;
    }
    if (verdict != Verdict.FAVORABLE && motivation.isEmpty()) {
      dossier(
          at,
          id,
          Form.of(
              new ErrorView(
                  "#avis-motivation-" + body, page.messages().text("agent.error.avis-motivation")),
              values),
          422,
          request,
          response);
      return;
    }
    try {
      instruction.giveAvis(
          at.context(),
          id,
          body,
          verdict,
          motivation.isEmpty() ? null : motivation,
          version(request));
    } catch (RuleViolation refused) {
      dossier(at, id, Form.of(notNow(page), Map.of()), 409, request, response);
      return;
    }
    DossierPagesServlet.redirect(response, dossierHref(at, id) + "?done=avis");
  }

  private void sign(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    String pinText = Optional.ofNullable(request.getParameter("pin")).orElse("");
    if (pinText.isEmpty() || pinText.length() > MAX_PIN) {
      dossier(
          at,
          id,
          Form.of(new ErrorView("#pin", page.messages().text("agent.error.pin")), Map.of()),
          422,
          request,
          response);
      return;
    }
    try {
      delivery.sign(at.context(), List.of(id), pinText.toCharArray(), version(request));
    } catch (SigningRefused refused) {
      dossier(
          at,
          id,
          Form.of(new ErrorView("#pin", signingError(page, refused)), Map.of()),
          422,
          request,
          response);
      return;
    } catch (RuleViolation | InvalidInput refused) {
      dossier(at, id, Form.of(notNow(page), Map.of()), 409, request, response);
      return;
    }
    DossierPagesServlet.redirect(response, dossierHref(at, id) + "?done=signed");
  }

  private static String signingError(Page page, SigningRefused refused) {
    return page.messages()
        .text(
            switch (refused.why()) {
              case WRONG_PIN -> "agent.error.wrong-pin";
              case KEY_UNUSABLE -> "agent.error.key-unusable";
              case PROVIDER_UNAVAILABLE -> "agent.error.provider-unavailable";
              case NO_SIGNING_RIGHT -> "agent.error.no-signing-right";
            });
  }

  // ---- the signatory's batch -------------------------------------------------------------------

  private void signatures(
      AtTenant at,
      List<ErrorView> errors,
      List<SignedLine> results,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Tenant tenant = at.tenant();
    Page page = pages.open(request, response, pages.themes().of(tenant));
    List<Pending> pending = new ArrayList<>();
    for (DossierFile f :
        delivery.awaitingSignature(at.context(), Optional.empty(), SIGNATURE_PAGE)) {
      Dossier d = f.dossier();
      pending.add(
          new Pending(
              d.id().value(),
              dossierHref(at, d.id()),
              d.reference().orElse(""),
              d.applicantName(),
              d.dueDate().map(page::date).orElse("")));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", page.name(tenant.nameFr(), tenant.nameAr()));
    model.put("queueHref", base(at));
    model.put("action", base(at) + "/signatures");
    model.put("pending", pending);
    model.put("errors", errors);
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    model.put("fieldErrors", byField);
    model.put("results", results);
    pages.render(page, "agent-signatures", model, status, request, response);
  }

  private void signBatch(AtTenant at, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    List<DossierId> ids = new ArrayList<>();
    String[] chosen = request.getParameterValues("dossier");
    if (chosen != null) {
      for (String id : chosen) {
        if (ids.size() < SIGNATURE_PAGE) {
          ids.add(DossierPagesServlet.dossierId(id));
        }
      }
    }
    List<ErrorView> errors = new ArrayList<>();
    if (ids.isEmpty()) {
      errors.add(new ErrorView("#pending", page.messages().text("agent.error.choose")));
    }
    String pinText = Optional.ofNullable(request.getParameter("pin")).orElse("");
    if (pinText.isEmpty() || pinText.length() > MAX_PIN) {
      errors.add(new ErrorView("#pin", page.messages().text("agent.error.pin")));
    }
    if (!errors.isEmpty()) {
      signatures(at, errors, List.of(), 422, request, response);
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes = delivery.sign(at.context(), ids, pinText.toCharArray(), OptionalLong.empty());
    } catch (SigningRefused refused) {
      signatures(
          at,
          List.of(new ErrorView("#pin", signingError(page, refused))),
          List.of(),
          422,
          request,
          response);
      return;
    } catch (RuntimeException one) {
      // A batch of one fails as the dossier alone would: it is shown with the others.
      outcomes = List.of(new Outcome(ids.get(0), Optional.empty(), Optional.of(one)));
    }
    List<SignedLine> results = new ArrayList<>();
    for (Outcome o : outcomes) {
      String reference =
          o.delivered()
              .flatMap(d -> d.dossier().dossier().reference())
              .or(() -> queries.current(at.context(), o.dossier()).flatMap(Dossier::reference))
              .orElse(o.dossier().value());
      results.add(
          new SignedLine(
              reference,
              dossierHref(at, o.dossier()),
              o.delivered().isPresent(),
              page.messages()
                  .text(o.delivered().isPresent() ? "agent.batch.signed" : "agent.batch.failed")));
    }
    signatures(at, List.of(), results, 200, request, response);
  }

  private void notFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    pages.render(page, "not-found", Map.of(), HttpServletResponse.SC_NOT_FOUND, request, response);
  }
}
