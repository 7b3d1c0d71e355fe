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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.rokhsa.application.AccessDenied;
import ma.rokhsa.application.AuthorizationDelivery;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.DepositService;
import ma.rokhsa.application.DossierFile;
import ma.rokhsa.application.DossierNotices;
import ma.rokhsa.application.DossierQueries;
import ma.rokhsa.application.DossierUploads;
import ma.rokhsa.application.DraftService;
import ma.rokhsa.application.Incomplete;
import ma.rokhsa.application.InstructionService;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.SignedDelivery;
import ma.rokhsa.application.StaleDossier;
import ma.rokhsa.application.TenantDirectory;
import ma.rokhsa.application.TenantProcedureService;
import ma.rokhsa.application.UnsupportedContent;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.document.ContentTooLarge;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.interfaces.web.pages.Applicants.AtTenant;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FieldType;
import ma.rokhsa.plugin.api.procedure.FormDefinition;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Section;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * The applicant's journey, without JavaScript: start a dossier for a procedure a commune offers,
 * fill the form one section a page, attach the documents, check the answers, submit, download the
 * receipt; then the dossiers, each with its timeline, and the signed authorization once delivered.
 *
 * <pre>
 * GET  /dossiers                              my dossiers
 * GET  /dossiers/new?commune=…&amp;procedure=…    who applies (name, e-mail)   POST: the draft
 * GET  /dossiers/{tenant}/{id}                the dossier (a draft: its steps); complements asked
 * POST /dossiers/{tenant}/{id}/complements/files   a document the complements ask for
 * POST /dossiers/{tenant}/{id}/complements/answer  the answer: back to the administration
 * GET  /dossiers/{tenant}/{id}/sections/{s}   a section of the form         POST: save it
 * GET  /dossiers/{tenant}/{id}/documents      the documents                 POST: attach, remove
 * GET  /dossiers/{tenant}/{id}/check          check your answers            POST …/submit
 * GET  /dossiers/{tenant}/{id}/receipt        the receipt (PDF)
 * GET  /dossiers/{tenant}/{id}/authorization  the signed authorization (PDF)
 * </pre>
 *
 * <p>Every change is the application service the API calls ({@link DraftService}, {@link
 * DossierUploads}, {@link DepositService}), with the {@link ma.rokhsa.application.TenantContext}
 * drawn by {@link Applicants}: the rules, the tenant boundary and the roles are theirs; the answer
 * to complements is the workflow's action, through {@link InstructionService} as in the API. A form
 * posted back with errors is shown again with each error by its field and summarized at the top; a
 * change lost to another one on the same dossier ({@link StaleDossier#changedMeanwhile}) shows the
 * dossier again as it is now, with a 409.
 */
@WebServlet(
    name = "dossier-pages",
    urlPatterns = {"/dossiers", "/dossiers/*"})
@MultipartConfig(
    fileSizeThreshold = 1024 * 1024,
    maxFileSize = 60L * 1024 * 1024,
    maxRequestSize = 61L * 1024 * 1024)
public class DossierPagesServlet extends HttpServlet {

  static final String PATH = "/dossiers";
  private static final long serialVersionUID = 1L;
  private static final int MAX_NAME = 200;
  private static final int MAX_OCCURRENCES = 100;
  private static final int MAX_ANSWER = 8000;
  private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  @Inject transient Pages pages;
  @Inject transient Applicants applicants;
  @Inject transient TenantDirectory directory;
  @Inject transient TenantProcedureService procedures;
  @Inject transient DraftService drafts;
  @Inject transient DossierUploads uploads;
  @Inject transient DepositService deposits;
  @Inject transient InstructionService instruction;
  @Inject transient DossierQueries queries;
  @Inject transient DossierNotices notices;
  @Inject transient AuthorizationDelivery authorizations;
  @Inject transient SearchNode search;
  @Inject transient LegalTime time;

  /** An error: where it is (the summary links there) and what it says. */
  public record ErrorView(String href, String text) {}

  /** One choice of a field. */
  public record ChoiceView(String value, String label, boolean selected) {}

  /**
   * A field of the form.
   *
   * @param kind text, number, date, boolean or choice
   */
  public record FieldView(
      String id,
      String name,
      String label,
      String kind,
      boolean required,
      String value,
      List<ChoiceView> choices,
      String error,
      boolean conditional) {}

  /** An occurrence of a repeatable section. */
  public record GroupView(String title, List<FieldView> fields, int index, boolean removable) {}

  /** A step of a draft. */
  public record StepView(String href, String label, boolean complete) {}

  /** A file attached. */
  public record FileView(long id, String name, String size) {}

  /** A document of the procedure, its files, and whether another may be added. */
  public record DocumentView(
      String id,
      String label,
      boolean required,
      boolean conditional,
      String accept,
      String format,
      List<FileView> files,
      boolean canAdd,
      String error) {}

  /** An answer on the check page. */
  public record AnswerView(String label, String value) {}

  /** A section's answers on the check page. */
  public record AnswerSection(String label, String href, List<AnswerView> answers) {}

  /** A line of the timeline. */
  public record TimelineLine(String when, String what, String who) {}

  /** A dossier in the list. */
  public record DossierLine(
      String href, String reference, String procedure, String commune, String state) {}

  // ---- routing ---------------------------------------------------------------------------------

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Caller> caller = pages.session().caller(request);
    if (caller.isEmpty()) {
      signIn(request, response);
      return;
    }
    List<String> path = path(request);
    try {
      if (path.isEmpty()) {
        list(caller.get(), request, response);
      } else if (path.size() == 1 && path.get(0).equals("new")) {
        start(
            caller.get(),
            request.getParameter("commune"),
            request.getParameter("procedure"),
            "",
            "",
            List.of(),
            200,
            request,
            response);
      } else if (path.size() >= 2) {
        Optional<AtTenant> at = applicants.at(caller.get(), path.get(0), request);
        if (at.isEmpty()) {
          notFound(request, response);
          return;
        }
        DossierId id = dossierId(path.get(1));
        String step = path.size() > 2 ? path.get(2) : "";
        switch (step) {
          case "" -> dossier(at.get(), id, List.of(), "", 200, request, response);
          case "sections" -> {
            if (path.size() != 4) {
              notFound(request, response);
              return;
            }
            DossierFile file = queries.view(at.get().context(), id);
            section(at.get(), file, path.get(3), file.values(), List.of(), 200, request, response);
          }
          case "documents" ->
              documents(
                  at.get(), queries.view(at.get().context(), id), Map.of(), 200, request, response);
          case "check" -> check(at.get(), id, List.of(), 200, request, response);
          case "receipt" -> receipt(at.get(), id, response);
          case "authorization" -> authorization(at.get(), id, response);
          default -> notFound(request, response);
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
      throws IOException, ServletException {
    request.setCharacterEncoding("UTF-8");
    Optional<Caller> caller = pages.session().caller(request);
    if (!formAccepted(request)) {
      Page page = pages.open(request, response, pages.themes().national());
      pages.render(page, "expired", Map.of(), HttpServletResponse.SC_FORBIDDEN, request, response);
      return;
    }
    if (caller.isEmpty()) {
      signIn(request, response);
      return;
    }
    List<String> path = path(request);
    Optional<AtTenant> at = Optional.empty();
    DossierId id = null;
    try {
      if (path.size() == 1 && path.get(0).equals("new")) {
        create(caller.get(), request, response);
        return;
      }
      if (path.size() < 3) {
        notFound(request, response);
        return;
      }
      at = applicants.at(caller.get(), path.get(0), request);
      if (at.isEmpty()) {
        notFound(request, response);
        return;
      }
      id = dossierId(path.get(1));
      switch (path.get(2)) {
        case "sections" -> {
          if (path.size() != 4) {
            notFound(request, response);
            return;
          }
          saveSection(at.get(), id, path.get(3), request, response);
        }
        case "documents" -> documentChange(at.get(), id, request, response);
        case "submit" -> submit(at.get(), id, request, response);
        case "complements" -> {
          if (path.size() != 4) {
            notFound(request, response);
          } else if (path.get(3).equals("files")) {
            complementFile(at.get(), id, request, response);
          } else if (path.get(3).equals("answer")) {
            answer(at.get(), id, request, response);
          } else {
            notFound(request, response);
          }
        }
        default -> notFound(request, response);
      }
    } catch (NotFound | AccessDenied | IllegalArgumentException missing) {
      notFound(request, response);
    } catch (RuntimeException e) {
      if (at.isPresent() && id != null && StaleDossier.changedMeanwhile(e)) {
        changedMeanwhile(at.get(), id, request, response);
      } else if (e instanceof RuleViolation) {
        problem(request, response);
      } else {
        throw e;
      }
    }
  }

  /**
   * The change was lost to another one on the same dossier (another tab, an agent, the platform's
   * own clock): nothing of it was kept, and the dossier is shown again as it is now, with a 409 (an
   * answer typed is kept in its field).
   */
  private void changedMeanwhile(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    boolean draft = queries.view(at.context(), id).dossier().phase() == Phase.DRAFT;
    dossier(
        at,
        id,
        List.of(
            new ErrorView(
                draft ? "#steps" : "#state", page.messages().text("dossier.error.changed"))),
        value(request, "answer", MAX_ANSWER),
        HttpServletResponse.SC_CONFLICT,
        request,
        response);
  }

  /**
   * Whether the post carries the form's token (a multipart post as one of its parts); a post over
   * the upload bound cannot be read and is refused alike.
   */
  static boolean formAccepted(HttpServletRequest request) {
    try {
      return Csrf.accepts(request);
    } catch (IllegalStateException overTheBound) {
      return false;
    }
  }

  static List<String> path(HttpServletRequest request) {
    String info = request.getPathInfo();
    if (info == null || info.equals("/")) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String part : info.substring(1).split("/", -1)) {
      parts.add(part);
    }
    return parts;
  }

  static DossierId dossierId(String text) {
    try {
      return DossierId.of(text);
    } catch (RuntimeException e) {
      throw new NotFound("no such dossier");
    }
  }

  private static String base(AtTenant at, DossierId id) {
    return PATH + "/" + at.tenant().id().value() + "/" + id.value();
  }

  // ---- my dossiers -----------------------------------------------------------------------------

  private void list(Caller caller, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    List<DossierLine> lines = new ArrayList<>();
    boolean ready = true;
    if (caller.holds(Role.APPLICANT) || caller.holds(Role.ARCHITECT)) {
      try {
        SearchPage found =
            search.search(
                SearchRequest.of(new SearchScope.OwnDossiers(caller.username()), "", time.today())
                    .withPage(SearchSort.DEPOSITED, null, SearchRequest.MAX_SIZE));
        for (SearchHit hit : found.hits()) {
          lines.add(line(page, hit));
        }
      } catch (RuntimeException notReady) {
        // The index is being built on this node: say so rather than show an empty list.
        ready = false;
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("dossiers", lines);
    model.put("ready", ready);
    pages.render(page, "dossiers", model, 200, request, response);
  }

  private DossierLine line(Page page, SearchHit hit) {
    Optional<Tenant> tenant = Tenants.id(hit.tenant()).flatMap(directory::find);
    String commune = tenant.map(t -> page.name(t.nameFr(), t.nameAr())).orElse(hit.commune());
    Optional<ProcedureDefinition> definition =
        tenant.flatMap(
            t ->
                procedures.offered(t.id()).stream()
                    .map(p -> p.definition())
                    .filter(d -> d.id().equals(hit.procedure()))
                    .findFirst());
    String procedure = definition.map(d -> text(page, d.name())).orElse(hit.procedure());
    String state =
        hit.state() == null || hit.state().isBlank()
            ? page.messages().text("dossiers.draft")
            : definition
                .flatMap(d -> d.workflow().state(hit.state()))
                .map(s -> text(page, s.label()))
                .orElse(hit.state());
    String reference =
        hit.reference() == null || hit.reference().isBlank()
            ? page.messages().text("dossiers.no-reference")
            : hit.reference();
    return new DossierLine(
        PATH + "/" + hit.tenant() + "/" + hit.id(), reference, procedure, commune, state);
  }

  // ---- starting a dossier ----------------------------------------------------------------------

  private void start(
      Caller caller,
      String communeId,
      String procedureId,
      String applicantName,
      String contactEmail,
      List<ErrorView> errors,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<AtTenant> at = applicants.at(caller, communeId, request);
    Optional<ProcedureDefinition> procedure =
        at.flatMap(
            a ->
                procedures.offered(a.tenant().id()).stream()
                    .map(p -> p.definition())
                    .filter(d -> d.id().equals(procedureId))
                    .findFirst());
    if (procedure.isEmpty()) {
      notFound(request, response);
      return;
    }
    Tenant tenant = at.get().tenant();
    Page page = pages.open(request, response, pages.themes().of(tenant));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", page.name(tenant.nameFr(), tenant.nameAr()));
    model.put("communeId", tenant.id().value());
    model.put("open", tenant.status().acceptsDeposits());
    model.put("procedure", text(page, procedure.get().name()));
    model.put("procedureId", procedure.get().id());
    model.put("applicantName", applicantName);
    model.put("contactEmail", contactEmail);
    model.put("errors", errors);
    model.put("fieldErrors", byHref(errors));
    pages.render(page, "deposit-start", model, status, request, response);
  }

  private void create(Caller caller, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String communeId = request.getParameter("commune");
    String procedureId = request.getParameter("procedure");
    String name = value(request, "applicantName", MAX_NAME);
    String email = value(request, "contactEmail", MAX_NAME);
    Optional<AtTenant> at = applicants.at(caller, communeId, request);
    if (at.isEmpty()) {
      notFound(request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().of(at.get().tenant()));
    List<ErrorView> errors = new ArrayList<>();
    if (name.isEmpty()) {
      errors.add(new ErrorView("#applicantName", page.messages().text("start.error.name")));
    }
    if (email.isEmpty()) {
      errors.add(new ErrorView("#contactEmail", page.messages().text("start.error.email")));
    }
    if (errors.isEmpty()) {
      try {
        DossierFile draft =
            drafts.createDraft(at.get().context(), procedureId, name, email, page.lang(), Map.of());
        redirect(response, base(at.get(), draft.dossier().id()) + "/sections/" + first(draft));
        return;
      } catch (InvalidInput invalid) {
        errors.add(
            invalid.getMessage() != null && invalid.getMessage().startsWith("contactEmail")
                ? new ErrorView("#contactEmail", page.messages().text("start.error.email"))
                : new ErrorView("#applicantName", page.messages().text("start.error.name")));
      } catch (RuleViolation notOpen) {
        errors.add(new ErrorView("#applicantName", page.messages().text("start.error.closed")));
      }
    }
    start(caller, communeId, procedureId, name, email, errors, 422, request, response);
  }

  private static String first(DossierFile draft) {
    List<Section> sections =
        DepositForm.applicable(draft.procedure().definition().form(), draft.dossier().values());
    return sections.isEmpty() ? "" : sections.get(0).id();
  }

  // ---- the dossier -----------------------------------------------------------------------------

  /**
   * The dossier: a draft's steps; a deposited dossier's facts, files and timeline, and the
   * complements asked, with their forms while the applicant may answer.
   *
   * @param errors what a post left to say, each by its field ({@code #file-<document>}, {@code
   *     #answer}, {@code #complements}, {@code #state})
   * @param answer the answer's text as typed, shown again with its errors
   */
  private void dossier(
      AtTenant at,
      DossierId id,
      List<ErrorView> errors,
      String answer,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    DossierFile file = queries.view(at.context(), id);
    Dossier dossier = file.dossier();
    ProcedureDefinition definition = file.procedure().definition();
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    Map<String, Object> model = common(page, at, file);
    String base = base(at, id);
    Map<String, String> fieldErrors = byHref(errors);
    model.put("errors", errors);
    model.put("fieldErrors", fieldErrors);
    if (dossier.phase() == Phase.DRAFT) {
      List<Violation> violations = drafts.validate(at.context(), id);
      List<StepView> steps = new ArrayList<>();
      for (Section section : DepositForm.applicable(definition.form(), dossier.values())) {
        steps.add(
            new StepView(
                base + "/sections/" + section.id(),
                text(page, section.label()),
                DepositForm.of(section, violations).isEmpty()));
      }
      steps.add(
          new StepView(
              base + "/documents",
              page.messages().text("documents.title"),
              violations.stream().noneMatch(v -> v.field().startsWith("documents."))));
      model.put("steps", steps);
      model.put("checkHref", base + "/check");
      pages.render(page, "dossier-draft", model, status, request, response);
      return;
    }
    Workflow workflow = definition.workflow();
    model.put("reference", dossier.reference().orElse(""));
    model.put("trackingCode", dossier.trackingCode().orElse(""));
    model.put(
        "state",
        dossier.state().flatMap(workflow::state).map(s -> text(page, s.label())).orElse(""));
    model.put("dueDate", dossier.dueDate().map(page::date).orElse(null));
    model.put("overdue", file.overdue());
    model.put("deposited", request.getParameter("deposited") != null);
    model.put("receiptHref", base + "/receipt");
    model.put(
        "trackHref",
        TrackingServlet.PATH
            + "?reference="
            + URLEncoder.encode(dossier.reference().orElse(""), StandardCharsets.UTF_8));
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
    model.put("authorizationHref", signed ? base + "/authorization" : null);
    model.put("timeline", timeline(page, workflow, file.timeline()));
    model.put("files", files(page, file.attachments()));
    model.put("complements", complements(page, definition, file.complements()));
    model.put("answered", request.getParameter("answered") != null);
    boolean answering = answerAction(file).isPresent();
    List<DocumentView> asked = new ArrayList<>();
    if (answering) {
      for (DocumentRequirement d : askedDocuments(file)) {
        asked.add(
            documentView(
                page,
                d,
                file.attachments().stream().filter(a -> a.documentId().equals(d.id())).toList(),
                file.dossier().values(),
                true,
                fieldErrors.get("file-" + d.id())));
      }
    }
    model.put("askedDocuments", asked);
    model.put("answerHref", answering ? base + "/complements/answer" : null);
    model.put("uploadHref", base + "/complements/files");
    model.put("answer", answer);
    model.put("version", dossier.version());
    pages.render(page, "dossier", model, status, request, response);
  }

  /** The complement requests, oldest first: each item asked (a document by its name) and why. */
  static List<BackOfficeServlet.ComplementLine> complements(
      Page page, ProcedureDefinition definition, List<DossierFile.Complement> complements) {
    List<BackOfficeServlet.ComplementLine> lines = new ArrayList<>();
    for (DossierFile.Complement c : complements) {
      List<String> items = new ArrayList<>();
      for (Map<String, String> item : c.items()) {
        String what = item.getOrDefault("item", "");
        String label =
            definition.documents().stream()
                .filter(d -> d.id().equals(what))
                .findFirst()
                .map(d -> text(page, d.label()))
                .orElse(what);
        String reason = item.getOrDefault("reason", "");
        items.add(
            reason.isBlank()
                ? label
                : label + page.messages().text("form.error.separator") + reason);
      }
      lines.add(
          new BackOfficeServlet.ComplementLine(
              page.date(c.request().requestedAt().atZone(MOROCCO).toLocalDate()),
              items,
              c.request().answerText().orElse("")));
    }
    return lines;
  }

  /**
   * The applicant's way out of their turn that answers the complements (not a withdrawal), if the
   * caller may take it now and a request is open.
   */
  static Optional<Workflow.Transition> answerAction(DossierFile file) {
    if (file.dossier().openComplements().isEmpty()) {
      return Optional.empty();
    }
    Workflow workflow = file.procedure().definition().workflow();
    return file.allowed().stream()
        .filter(t -> t.by() == ActingRole.APPLICANT)
        .filter(t -> !workflow.state(t.to()).map(Workflow.State::terminal).orElse(false))
        .findFirst();
  }

  /** The procedure's documents that the open requests ask for, in the procedure's order. */
  static List<DocumentRequirement> askedDocuments(DossierFile file) {
    java.util.Set<String> asked = new java.util.HashSet<>();
    for (DossierFile.Complement c : file.complements()) {
      if (c.request().open()) {
        c.items().forEach(item -> asked.add(item.getOrDefault("item", "")));
      }
    }
    return file.procedure().definition().documents().stream()
        .filter(d -> asked.contains(d.id()))
        .toList();
  }

  /** Whether an open request asks for something that is not one of the procedure's documents. */
  static boolean asksInformation(DossierFile file) {
    java.util.Set<String> documents = new java.util.HashSet<>();
    file.procedure().definition().documents().forEach(d -> documents.add(d.id()));
    return file.complements().stream()
        .filter(c -> c.request().open())
        .flatMap(c -> c.items().stream())
        .anyMatch(item -> !documents.contains(item.getOrDefault("item", "")));
  }

  private Map<String, Object> common(Page page, AtTenant at, DossierFile file) {
    Map<String, Object> model = new LinkedHashMap<>();
    Tenant tenant = at.tenant();
    model.put("commune", page.name(tenant.nameFr(), tenant.nameAr()));
    model.put("communeId", tenant.id().value());
    model.put("procedure", text(page, file.procedure().definition().name()));
    model.put("dossierHref", base(at, file.dossier().id()));
    model.put("applicantName", file.dossier().applicantName());
    model.put("contactEmail", file.dossier().contactEmail());
    return model;
  }

  static List<TimelineLine> timeline(Page page, Workflow workflow, List<DossierEvent> events) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(page.messages().locale())
            .withDecimalStyle(DecimalStyle.of(page.messages().locale()));
    List<TimelineLine> lines = new ArrayList<>();
    for (DossierEvent e : events) {
      String what =
          e.toState()
              .flatMap(workflow::state)
              .map(s -> text(page, s.label()))
              .or(() -> page.messages().find("timeline." + e.action()))
              .or(() -> avisGiven(page, workflow, e.action()))
              .orElse(e.action());
      String who =
          page.messages()
              .find("timeline.role." + e.role().toLowerCase(Locale.ROOT))
              .orElse(e.role());
      lines.add(new TimelineLine(format.format(e.at().atZone(MOROCCO)), what, who));
    }
    return lines;
  }

  /** "Avis of <body>" for a body's avis in the timeline (its action is {@code avis-<body>}). */
  private static Optional<String> avisGiven(Page page, Workflow workflow, String action) {
    if (!action.startsWith("avis-")) {
      return Optional.empty();
    }
    String body = action.substring("avis-".length());
    return workflow.consultedBodies().stream()
        .filter(b -> b.id().equals(body))
        .findFirst()
        .map(b -> page.messages().text("timeline.avis", text(page, b.label())));
  }

  static List<FileView> files(Page page, List<Attachment> attachments) {
    return attachments.stream()
        .filter(a -> a.current() && a.avisBody().isEmpty())
        .map(a -> new FileView(a.id(), a.fileName(), size(page, a.size())))
        .toList();
  }

  static String size(Page page, long bytes) {
    if (bytes < 1024 * 1024) {
      return page.messages()
          .text("file.size.kb", page.number(Math.max(1, Math.round(bytes / 1024.0))));
    }
    return page.messages()
        .text(
            "file.size.mb",
            page.number(
                BigDecimal.valueOf(bytes)
                    .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)));
  }

  // ---- a section of the form -------------------------------------------------------------------

  private void section(
      AtTenant at,
      DossierFile file,
      String sectionId,
      Map<String, Object> values,
      List<Violation> violations,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    FormDefinition form = file.procedure().definition().form();
    Optional<Section> found = DepositForm.section(form, sectionId);
    if (found.isEmpty() || file.dossier().phase() != Phase.DRAFT) {
      notFound(request, response);
      return;
    }
    Section section = found.get();
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    Map<String, Violation> byPlace = new LinkedHashMap<>();
    violations.forEach(v -> byPlace.putIfAbsent(v.field(), v));
    List<ErrorView> errors = new ArrayList<>();
    Map<String, Object> model = common(page, at, file);
    List<Section> applicable = DepositForm.applicable(form, FormValues.of(values));
    int position = Math.max(0, applicable.indexOf(section));
    model.put("sectionId", section.id());
    model.put("section", text(page, section.label()));
    model.put(
        "stepNumber",
        page.messages()
            .text("section.step", page.number(position + 1), page.number(applicable.size() + 1)));
    model.put("repeatable", section.repeatable());
    if (section.repeatable()) {
      List<Map<String, Object>> stored = DepositForm.occurrences(values, section);
      int count = Math.max(Math.max(1, section.minOccurs()), stored.size());
      List<GroupView> groups = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, Object> group = i < stored.size() ? stored.get(i) : Map.of();
        List<FieldView> fields = new ArrayList<>();
        for (Field field : section.fields()) {
          String place = section.id() + "[" + i + "]." + field.id();
          fields.add(field(page, field, place, group.get(field.id()), byPlace.get(place), errors));
        }
        groups.add(
            new GroupView(
                page.messages().text("section.occurrence", page.number(i + 1)),
                fields,
                i,
                count > Math.max(1, section.minOccurs())));
      }
      Violation whole = byPlace.get(section.id());
      if (whole != null) {
        errors.add(0, new ErrorView("#add-occurrence", text(page, whole.message())));
      }
      model.put("groups", groups);
      model.put("count", count);
      model.put("canAdd", count < Math.min(section.maxOccurs(), MAX_OCCURRENCES));
    } else {
      List<FieldView> fields = new ArrayList<>();
      for (Field field : section.fields()) {
        fields.add(
            field(
                page, field, field.id(), values.get(field.id()), byPlace.get(field.id()), errors));
      }
      model.put("fields", fields);
    }
    model.put("errors", errors);
    model.put("action", base(at, file.dossier().id()) + "/sections/" + section.id());
    pages.render(page, "deposit-section", model, status, request, response);
  }

  private static FieldView field(
      Page page,
      Field field,
      String place,
      Object value,
      Violation violation,
      List<ErrorView> errors) {
    String id = DepositForm.htmlId(place);
    String label = text(page, field.label());
    String error = violation == null ? null : text(page, violation.message());
    if (error != null) {
      errors.add(
          new ErrorView("#" + id, label + page.messages().text("form.error.separator") + error));
    }
    String shown = DepositForm.shown(value);
    String kind =
        switch (field.type()) {
          case INTEGER, DECIMAL -> "number";
          case DATE -> "date";
          case BOOLEAN -> "boolean";
          case CHOICE -> "choice";
          default -> "text";
        };
    List<ChoiceView> choices = new ArrayList<>();
    if (field.type() == FieldType.CHOICE) {
      choices.add(new ChoiceView("", page.messages().text("form.choose"), shown.isEmpty()));
      for (Field.Choice choice : field.choices()) {
        choices.add(
            new ChoiceView(
                choice.value(), text(page, choice.label()), choice.value().equals(shown)));
      }
    } else if (field.type() == FieldType.BOOLEAN) {
      choices.add(new ChoiceView("true", page.messages().text("form.yes"), shown.equals("true")));
      choices.add(new ChoiceView("false", page.messages().text("form.no"), shown.equals("false")));
    }
    return new FieldView(
        id, place, label, kind, field.required(), shown, choices, error, field.when().isPresent());
  }

  private void saveSection(
      AtTenant at,
      DossierId id,
      String sectionId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    DossierFile file = queries.view(at.context(), id);
    FormDefinition form = file.procedure().definition().form();
    Optional<Section> found = DepositForm.section(form, sectionId);
    if (found.isEmpty()) {
      notFound(request, response);
      return;
    }
    Section section = found.get();
    int count = 0;
    if (section.repeatable()) {
      count = Math.max(1, Math.min(parse(request.getParameter("count")), MAX_OCCURRENCES));
    }
    Map<String, Object> values =
        DepositForm.merge(file.values(), section, request::getParameter, count);
    String add = request.getParameter("add");
    String remove = request.getParameter("remove");
    if (section.repeatable() && (add != null || remove != null)) {
      List<Map<String, Object>> groups = new ArrayList<>(DepositForm.occurrences(values, section));
      if (add != null && groups.size() < Math.min(section.maxOccurs(), MAX_OCCURRENCES)) {
        groups.add(new LinkedHashMap<>());
      }
      int removed = parse(remove);
      if (remove != null && removed >= 0 && removed < groups.size()) {
        groups.remove(removed);
      }
      values.put(section.id(), groups);
    }
    DossierFile saved = drafts.saveValues(at.context(), id, values, java.util.OptionalLong.empty());
    String here = base(at, id) + "/sections/" + section.id();
    if (add != null || remove != null) {
      redirect(response, here);
      return;
    }
    List<Violation> mine = DepositForm.of(section, drafts.validate(at.context(), id));
    if (!mine.isEmpty()) {
      section(at, saved, section.id(), saved.values(), mine, 422, request, response);
      return;
    }
    List<Section> applicable = DepositForm.applicable(form, saved.dossier().values());
    int index = applicable.indexOf(section);
    if (index >= 0 && index + 1 < applicable.size()) {
      redirect(response, base(at, id) + "/sections/" + applicable.get(index + 1).id());
    } else {
      redirect(response, base(at, id) + "/documents");
    }
  }

  private static int parse(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- documents -------------------------------------------------------------------------------

  private void documents(
      AtTenant at,
      DossierFile file,
      Map<String, String> errorKeys,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (file.dossier().phase() != Phase.DRAFT) {
      notFound(request, response);
      return;
    }
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    ProcedureDefinition definition = file.procedure().definition();
    FormValues values = file.dossier().values();
    List<DocumentView> documents = new ArrayList<>();
    List<ErrorView> errors = new ArrayList<>();
    for (DocumentRequirement d : definition.documents()) {
      String error = null;
      if (errorKeys.containsKey(d.id())) {
        error = uploadError(page, d, errorKeys.get(d.id()));
        errors.add(
            new ErrorView(
                "#file-" + d.id(),
                text(page, d.label()) + page.messages().text("form.error.separator") + error));
      }
      documents.add(
          documentView(
              page,
              d,
              file.attachments().stream().filter(a -> a.documentId().equals(d.id())).toList(),
              values,
              false,
              error));
    }
    Map<String, Object> model = common(page, at, file);
    model.put("documents", documents);
    model.put("errors", errors);
    model.put("action", base(at, file.dossier().id()) + "/documents");
    model.put("checkHref", base(at, file.dossier().id()) + "/check");
    pages.render(page, "deposit-documents", model, status, request, response);
  }

  /**
   * A document as its upload form shows it.
   *
   * @param replacing whether a file beyond the count replaces the oldest (when complements are
   *     asked) rather than being refused (a draft)
   */
  private static DocumentView documentView(
      Page page,
      DocumentRequirement d,
      List<Attachment> attachments,
      FormValues values,
      boolean replacing,
      String error) {
    List<FileView> files = files(page, attachments);
    return new DocumentView(
        d.id(),
        text(page, d.label()),
        d.required() && d.when().map(c -> c.holds(values)).orElse(true),
        d.when().isPresent(),
        String.join(",", d.mediaTypes()),
        page.messages()
            .text("procedure.document.format", types(d), megabytes(page, d), d.maxCount()),
        files,
        replacing || files.size() < d.maxCount(),
        error);
  }

  /** What an upload's error key says of this document (its types, its size limit). */
  private static String uploadError(Page page, DocumentRequirement d, String key) {
    return page.messages().text(key, types(d), megabytes(page, d));
  }

  private static String types(DocumentRequirement d) {
    return String.join(
        ", ",
        d.mediaTypes().stream()
            .map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT))
            .toList());
  }

  private static String megabytes(Page page, DocumentRequirement d) {
    return page.number(
        BigDecimal.valueOf(d.maxBytes())
            .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
            .stripTrailingZeros());
  }

  private void documentChange(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String remove = request.getParameter("remove");
    if (remove != null) {
      drafts.detach(at.context(), id, (long) parse(remove));
      redirect(response, base(at, id) + "/documents");
      return;
    }
    String document = Optional.ofNullable(request.getParameter("document")).orElse("");
    Optional<String> errorKey = attachPosted(at, id, document, request);
    if (errorKey.isEmpty()) {
      redirect(response, base(at, id) + "/documents");
      return;
    }
    documents(
        at,
        queries.view(at.context(), id),
        Map.of(document, errorKey.get()),
        422,
        request,
        response);
  }

  /**
   * Attaches the posted file ({@code file}) to a document of the dossier.
   *
   * @return the message key of what went wrong, or empty if the file is attached
   */
  private Optional<String> attachPosted(
      AtTenant at, DossierId id, String document, HttpServletRequest request)
      throws IOException, ServletException {
    String errorKey = null;
    Part part;
    try {
      part = request.getPart("file");
    } catch (IllegalStateException tooLarge) {
      part = null;
      errorKey = "documents.error.size";
    }
    if (errorKey == null) {
      String fileName =
          part == null || part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
      fileName =
          fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
      if (part == null || part.getSize() == 0 || fileName.isBlank()) {
        errorKey = "documents.error.none";
      } else {
        if (fileName.length() > 255) {
          fileName = fileName.substring(fileName.length() - 255);
        }
        try (InputStream bytes = part.getInputStream()) {
          uploads.upload(at.context(), id, document, Optional.empty(), fileName, bytes);
          return Optional.empty();
        } catch (UnsupportedContent wrongType) {
          errorKey = "documents.error.type";
        } catch (ma.rokhsa.application.UploadQuotaExceeded quotaUsed) {
          errorKey = "documents.error.quota";
        } catch (ContentTooLarge tooLarge) {
          errorKey = "documents.error.size";
        } catch (RuleViolation tooMany) {
          errorKey = "documents.error.count";
        } finally {
          part.delete();
        }
      }
    }
    return Optional.of(errorKey);
  }

  // ---- complements -----------------------------------------------------------------------------

  /** A file for a document the complements ask for: attached, or shown by its document. */
  private void complementFile(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String document = value(request, "document", 100);
    DossierFile file = queries.view(at.context(), id);
    Optional<DocumentRequirement> asked =
        askedDocuments(file).stream().filter(d -> d.id().equals(document)).findFirst();
    if (asked.isEmpty() || answerAction(file).isEmpty()) {
      redirect(response, base(at, id));
      return;
    }
    Optional<String> errorKey = attachPosted(at, id, document, request);
    if (errorKey.isEmpty()) {
      redirect(response, base(at, id) + "#document-" + document);
      return;
    }
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    dossier(
        at,
        id,
        List.of(
            new ErrorView(
                "#file-" + document,
                text(page, asked.get().label())
                    + page.messages().text("form.error.separator")
                    + uploadError(page, asked.get(), errorKey.get()))),
        "",
        422,
        request,
        response);
  }

  /**
   * The answer to the complements: each document asked has a file uploaded since the request, the
   * message answers what is not a document; then the workflow's action takes the dossier back to
   * the administration (the procedure's own checks first, as in the API).
   */
  private void answer(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String answer = value(request, "answer", MAX_ANSWER);
    DossierFile file = queries.view(at.context(), id);
    Optional<Workflow.Transition> action = answerAction(file);
    if (action.isEmpty()) {
      // Answered already (a second click), or no longer the applicant's turn.
      redirect(response, base(at, id));
      return;
    }
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    String separator = page.messages().text("form.error.separator");
    java.time.Instant since =
        file.complements().stream()
            .filter(c -> c.request().open())
            .map(c -> c.request().requestedAt())
            .min(java.util.Comparator.naturalOrder())
            .orElseThrow();
    List<ErrorView> errors = new ArrayList<>();
    for (DocumentRequirement d : askedDocuments(file)) {
      boolean uploaded =
          file.attachments().stream()
              .anyMatch(
                  a ->
                      a.current()
                          && a.avisBody().isEmpty()
                          && a.documentId().equals(d.id())
                          && !a.uploadedAt().isBefore(since));
      if (!uploaded) {
        errors.add(
            new ErrorView(
                "#file-" + d.id(),
                text(page, d.label())
                    + separator
                    + page.messages().text("dossier.complements.error.file")));
      }
    }
    if (answer.isEmpty() && asksInformation(file)) {
      errors.add(
          new ErrorView("#answer", page.messages().text("dossier.complements.error.answer")));
    }
    if (!errors.isEmpty()) {
      dossier(at, id, errors, answer, 422, request, response);
      return;
    }
    try {
      instruction.act(
          at.context(),
          id,
          action.get().action(),
          new InstructionService.ActionInput(
              answer.isEmpty() ? Optional.empty() : Optional.of(answer), List.of()),
          BackOfficeServlet.version(request));
    } catch (Incomplete incomplete) {
      java.util.Set<String> askedIds = new java.util.HashSet<>();
      askedDocuments(file).forEach(d -> askedIds.add(d.id()));
      for (Violation v : incomplete.violations()) {
        String document =
            v.field().startsWith("documents.") ? v.field().substring("documents.".length()) : "";
        errors.add(
            new ErrorView(
                askedIds.contains(document) ? "#file-" + document : "#complements",
                text(page, v.message())));
      }
      dossier(at, id, errors, answer, 422, request, response);
      return;
    }
    redirect(response, base(at, id) + "?answered=1");
  }

  // ---- check and submit ------------------------------------------------------------------------

  private void check(
      AtTenant at,
      DossierId id,
      List<Violation> refused,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    DossierFile file = queries.view(at.context(), id);
    if (file.dossier().phase() != Phase.DRAFT) {
      redirect(response, base(at, id));
      return;
    }
    Page page = pages.open(request, response, pages.themes().of(at.tenant()));
    ProcedureDefinition definition = file.procedure().definition();
    FormDefinition form = definition.form();
    FormValues values = file.dossier().values();
    String base = base(at, id);
    List<Violation> violations = refused.isEmpty() ? drafts.validate(at.context(), id) : refused;
    List<ErrorView> errors = new ArrayList<>();
    for (Violation v : violations) {
      errors.add(error(page, definition, base, v));
    }
    List<AnswerSection> sections = answers(page, form, values, base);
    List<AnswerView> documents = new ArrayList<>();
    for (DocumentRequirement d : definition.documents()) {
      List<String> names =
          file.attachments().stream()
              .filter(a -> a.current() && a.documentId().equals(d.id()))
              .map(Attachment::fileName)
              .toList();
      documents.add(
          new AnswerView(
              text(page, d.label()),
              names.isEmpty() ? page.messages().text("check.none") : String.join(", ", names)));
    }
    Map<String, Object> model = common(page, at, file);
    model.put("errors", errors);
    model.put("sections", sections);
    model.put("documents", documents);
    model.put("documentsHref", base + "/documents");
    model.put("fee", page.amount(file.fee().total()));
    model.put("action", base + "/submit");
    model.put("key", UUID.randomUUID().toString());
    pages.render(page, "deposit-check", model, status, request, response);
  }

  /** The form's answers, a section at a time (each with its page, under {@code base}). */
  static List<AnswerSection> answers(
      Page page, FormDefinition form, FormValues values, String base) {
    List<AnswerSection> sections = new ArrayList<>();
    for (Section section : DepositForm.applicable(form, values)) {
      List<AnswerView> answers = new ArrayList<>();
      if (section.repeatable()) {
        List<FormValues> groups = values.occurrences(section.id());
        for (int i = 0; i < groups.size(); i++) {
          for (Field field : section.fields()) {
            answers.add(
                new AnswerView(
                    page.messages()
                        .text("check.in-occurrence", text(page, field.label()), page.number(i + 1)),
                    answer(page, field, groups.get(i))));
          }
        }
      } else {
        for (Field field : section.fields()) {
          if (field.when().map(c -> c.holds(values)).orElse(true)) {
            answers.add(new AnswerView(text(page, field.label()), answer(page, field, values)));
          }
        }
      }
      sections.add(
          new AnswerSection(
              text(page, section.label()), base + "/sections/" + section.id(), answers));
    }
    return sections;
  }

  private static ErrorView error(
      Page page, ProcedureDefinition definition, String base, Violation v) {
    String place = v.field();
    String message = text(page, v.message());
    String separator = page.messages().text("form.error.separator");
    if (place.startsWith("documents.")) {
      String document = place.substring("documents.".length());
      return new ErrorView(base + "/documents#file-" + document, message);
    }
    Optional<Section> section = DepositForm.sectionOf(definition.form(), place);
    if (section.isPresent()) {
      String fieldId = place.substring(place.lastIndexOf('.') + 1);
      String label =
          section.get().fields().stream()
              .filter(f -> f.id().equals(fieldId))
              .findFirst()
              .map(f -> text(page, f.label()))
              .orElse(text(page, section.get().label()));
      return new ErrorView(
          base + "/sections/" + section.get().id() + "#" + DepositForm.htmlId(place),
          label + separator + message);
    }
    return new ErrorView("#submit", message);
  }

  static String answer(Page page, Field field, FormValues values) {
    Optional<String> text = values.text(field.id());
    if (text.isEmpty()) {
      return page.messages().text("check.empty");
    }
    return switch (field.type()) {
      case CHOICE ->
          field.choices().stream()
              .filter(c -> c.value().equals(text.get()))
              .findFirst()
              .map(c -> text(page, c.label()))
              .orElse(text.get());
      case BOOLEAN ->
          values
              .bool(field.id())
              .map(b -> page.messages().text(b ? "form.yes" : "form.no"))
              .orElse(text.get());
      case INTEGER, DECIMAL -> values.number(field.id()).map(page::number).orElse(text.get());
      default -> text.get();
    };
  }

  private void submit(
      AtTenant at, DossierId id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String key = value(request, "key", 200);
    try {
      deposits.submit(
          at.context(), id, key.isEmpty() ? Optional.empty() : Optional.of("page-" + key));
    } catch (Incomplete incomplete) {
      check(at, id, incomplete.violations(), 422, request, response);
      return;
    }
    redirect(response, base(at, id) + "?deposited=1");
  }

  // ---- files -----------------------------------------------------------------------------------

  private void receipt(AtTenant at, DossierId id, HttpServletResponse response) throws IOException {
    DepositService.ReceiptFile receipt =
        deposits.receipt(at.context(), id, d -> URI.create(notices.trackingPage(d)));
    pdf(response, receipt.pdf(), "recepisse-" + receipt.reference() + ".pdf");
  }

  private void authorization(AtTenant at, DossierId id, HttpServletResponse response)
      throws IOException {
    AuthorizationDelivery.SignedFile file = authorizations.authorization(at.context(), id);
    pdf(response, file.pdf(), "autorisation-" + file.document().reference() + ".pdf");
  }

  static void pdf(HttpServletResponse response, byte[] pdf, String name) throws IOException {
    response.setStatus(200);
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static String value(HttpServletRequest request, String name, int max) {
    String value = Optional.ofNullable(request.getParameter(name)).orElse("").strip();
    return value.length() > max ? value.substring(0, max) : value;
  }

  private static Map<String, String> byHref(List<ErrorView> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.href().substring(1), e.text()));
    return byField;
  }

  static String text(Page page, LocalizedText text) {
    return page.name(text.fr(), text.ar());
  }

  static void redirect(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "no-store");
  }

  static void signIn(HttpServletRequest request, HttpServletResponse response) {
    String here = request.getRequestURI();
    if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
      here += "?" + request.getQueryString();
    }
    redirect(
        response,
        SignInServlet.PATH + "?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
  }

  private void notFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    pages.render(page, "not-found", Map.of(), HttpServletResponse.SC_NOT_FOUND, request, response);
  }

  private void problem(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Page page = pages.open(request, response, pages.themes().national());
    pages.render(page, "refused", Map.of(), 409, request, response);
  }
}
