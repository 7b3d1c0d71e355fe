package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import ma.rokhsa.domain.model.document.ReceiptRenderer;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.ComplementRequest;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.DossierRepository.DossierFilter;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.dossier.Verdict;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * Dossiers of one tenant, from draft to decision: every change is checked against the rules of the
 * procedure version the dossier was deposited under, recorded on its timeline and in the tenant's
 * audit trail, and notified through the outbox — all in the one transaction of the change.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DossierService {

  /** Morocco's legal time: due dates are counted in its days. */
  public static final ZoneId LEGAL_ZONE = ZoneId.of("Africa/Casablanca");

  private static final Logger LOG = Logger.getLogger(DossierService.class.getName());
  private static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int TRACKING_LENGTH = 12;
  private static final Jsonb JSON = JsonbBuilder.create();

  private DossierRepository dossiers;
  private Procedures procedures;
  private WorkingCalendars calendars;
  private AuditTrail audit;
  private DossierNotices notices;
  private ContentStore content;
  private ReceiptRenderer receipts;
  private TenantRepository tenants;
  private AccountService accounts;
  private Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** For CDI's proxy. */
  protected DossierService() {}

  @Inject
  DossierService(
      DossierRepository dossiers,
      Procedures procedures,
      WorkingCalendars calendars,
      AuditTrail audit,
      DossierNotices notices,
      ContentStore content,
      ReceiptRenderer receipts,
      TenantRepository tenants,
      AccountService accounts,
      Clock clock) {
    this.dossiers = dossiers;
    this.procedures = procedures;
    this.calendars = calendars;
    this.audit = audit;
    this.notices = notices;
    this.content = content;
    this.receipts = receipts;
    this.tenants = tenants;
    this.accounts = accounts;
    this.clock = clock;
  }

  // ---- deposit ---------------------------------------------------------------------------------

  /**
   * Starts a draft for a procedure the tenant offers.
   *
   * @throws NotFound if the tenant does not offer the procedure
   * @throws RuleViolation if the tenant does not take deposits yet
   */
  public Dossier createDraft(
      TenantId tenant,
      Actor actor,
      String procedureId,
      String applicantName,
      String contactEmail,
      String language,
      Map<String, Object> values) {
    requireActing(actor, ActingRole.APPLICANT);
    Tenant where = tenants.find(tenant).orElseThrow();
    if (!where.status().acceptsDeposits()) {
      throw new RuleViolation(
          "tenant " + tenant + " does not take deposits yet (" + where.status() + ")");
    }
    Procedures.Version procedure = procedures.current(where, procedureId);
    Instant now = clock.instant();
    Dossier dossier;
    try {
      dossier =
          Dossier.draft(
              DossierId.random(),
              procedure.id(),
              procedure.version(),
              actor.username(),
              applicantName,
              requireEmail(contactEmail),
              language,
              toJson(values),
              now);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    dossiers.store(dossier);
    event(dossier, actor, ActingRole.APPLICANT, "brouillon-cree", Optional.empty(), now);
    record(
        tenant,
        actor,
        "dossier.draft-created",
        dossier,
        procedure.id() + " " + procedure.version());
    return dossier;
  }

  private static String requireEmail(String address) {
    if (address == null || !address.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInput("contactEmail: not an e-mail address");
    }
    return address.strip();
  }

  /**
   * Replaces the form's values of a draft (or of a dossier awaiting the applicant's complements).
   */
  public Dossier saveValues(
      TenantId tenant,
      Actor actor,
      DossierId id,
      Map<String, Object> values,
      OptionalLong expectedVersion) {
    Dossier dossier = visible(actor, id);
    requireOwner(actor, dossier);
    expect(dossier, expectedVersion);
    requireApplicantMayEdit(tenant, dossier);
    dossier.replaceValues(toJson(values), clock.instant());
    record(tenant, actor, "dossier.values-saved", dossier, "");
    return dossier;
  }

  private void requireApplicantMayEdit(TenantId tenant, Dossier dossier) {
    if (dossier.phase() == Phase.DRAFT) {
      return;
    }
    Instruction rules = instruction(tenant, dossier);
    if (dossier.phase() != Phase.OPEN || !rules.applicantTurn(dossier.state().orElseThrow())) {
      throw new RuleViolation(
          "dossier "
              + dossier.describe()
              + " can be changed only while a draft or when complements"
              + " are asked");
    }
  }

  /** What is wrong with the dossier's form and documents; empty when it can be submitted. */
  public List<Violation> validate(TenantId tenant, Actor actor, DossierId id) {
    Dossier dossier = visible(actor, id);
    return problems(dossier);
  }

  private List<Violation> problems(Dossier dossier) {
    Procedures.Version procedure = procedures.version(dossier);
    FormValues values = values(dossier);
    List<Violation> violations =
        new ArrayList<>(
            procedure.guarded(() -> procedure.definition().validate(values, procedure.provider())));
    List<Attachment> attached = dossiers.attachments(dossier.id());
    for (DocumentRequirement doc : procedure.definition().documents()) {
      boolean applies = doc.when().map(c -> c.holds(values)).orElse(true);
      long count =
          attached.stream().filter(a -> a.current() && a.documentId().equals(doc.id())).count();
      if (doc.required() && applies && count == 0) {
        violations.add(
            new Violation(
                "documents." + doc.id(),
                LocalizedText.of(
                    "Document manquant : " + doc.label().fr(),
                    "وثيقة ناقصة: " + doc.label().ar())));
      }
    }
    return violations;
  }

  /**
   * Attaches a file to one of the procedure's documents (by the applicant) or to a body's avis (by
   * a commission member). The type is read from the bytes; the file is stored by its SHA-256.
   */
  public Attachment attach(
      TenantId tenant,
      Actor actor,
      DossierId id,
      String documentId,
      Optional<String> avisBody,
      String fileName,
      StoredContent stored) {
    Dossier dossier = visible(actor, id);
    Procedures.Version procedure = procedures.version(dossier);
    if (avisBody.isPresent()) {
      requireActing(actor, ActingRole.COMMISSION_MEMBER);
      if (currentRound(dossier).stream().noneMatch(a -> a.bodyId().equals(avisBody.get()))) {
        throw new RuleViolation(
            "no avis of " + avisBody.get() + " is asked on dossier " + dossier.describe() + " now");
      }
      Attachment a = storeAttachment(id, "avis", avisBody, fileName, stored, actor);
      record(
          tenant,
          actor,
          "dossier.avis-attachment-uploaded",
          dossier,
          a.fileName() + " " + a.sha256());
      return a;
    }
    requireOwner(actor, dossier);
    requireApplicantMayEdit(tenant, dossier);
    DocumentRequirement doc = requirement(procedure, documentId);
    if (!doc.mediaTypes().contains(stored.mediaType())) {
      throw new UnsupportedContent(documentId + " does not accept " + stored.mediaType());
    }
    List<Attachment> current =
        dossiers.attachments(id).stream()
            .filter(a -> a.current() && a.documentId().equals(documentId))
            .toList();
    if (current.size() >= doc.maxCount()) {
      if (dossier.phase() == Phase.DRAFT) {
        throw new RuleViolation(
            "document " + documentId + " takes at most " + doc.maxCount() + " file(s)");
      }
      // Answering complements: the new file replaces the oldest; the old stays on file.
      current.get(0).supersede(clock.instant());
    }
    Attachment a = storeAttachment(id, documentId, Optional.empty(), fileName, stored, actor);
    dossier.replaceValues(dossier.formValues(), clock.instant());
    event(
        dossier,
        actor,
        ActingRole.APPLICANT,
        "document-ajoute",
        Optional.of(documentId + ": " + a.fileName()),
        clock.instant());
    record(
        tenant,
        actor,
        "dossier.document-uploaded",
        dossier,
        documentId + " " + a.fileName() + " " + a.sha256());
    return a;
  }

  private Attachment storeAttachment(
      DossierId id,
      String documentId,
      Optional<String> avisBody,
      String fileName,
      StoredContent stored,
      Actor actor) {
    Attachment a =
        Attachment.of(
            id,
            documentId,
            avisBody,
            fileName,
            stored.mediaType(),
            stored.size(),
            stored.sha256(),
            actor.username(),
            clock.instant());
    dossiers.store(a);
    return a;
  }

  /** The limits a file for this document must respect, checked before anything is stored. */
  public DocumentRequirement uploadRules(
      TenantId tenant, Actor actor, DossierId id, String documentId, boolean forAvis) {
    Dossier dossier = visible(actor, id);
    if (forAvis) {
      requireActing(actor, ActingRole.COMMISSION_MEMBER);
      return AVIS_ATTACHMENT;
    }
    requireOwner(actor, dossier);
    requireApplicantMayEdit(tenant, dossier);
    DocumentRequirement doc = requirement(procedures.version(dossier), documentId);
    long count =
        dossiers.attachments(id).stream()
            .filter(a -> a.current() && a.documentId().equals(documentId))
            .count();
    if (count >= doc.maxCount() && dossier.phase() == Phase.DRAFT) {
      throw new RuleViolation(
          "document " + documentId + " takes at most " + doc.maxCount() + " file(s)");
    }
    return doc;
  }

  /** What a body may attach to its avis: PDF or images, 20 MB, 5 files. */
  public static final DocumentRequirement AVIS_ATTACHMENT =
      new DocumentRequirement(
          "avis",
          LocalizedText.of("Pièce jointe à l'avis", "مرفق بالرأي"),
          false,
          List.of("application/pdf", "image/jpeg", "image/png"),
          20L * 1024 * 1024,
          5,
          Optional.empty());

  private static DocumentRequirement requirement(Procedures.Version procedure, String documentId) {
    return procedure.definition().documents().stream()
        .filter(d -> d.id().equals(documentId))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFound(
                    "procedure " + procedure.id() + " has no document '" + documentId + "'"));
  }

  /** Removes a file from a draft (or while complements are asked). */
  public void detach(TenantId tenant, Actor actor, DossierId id, Long attachmentId) {
    Dossier dossier = visible(actor, id);
    requireOwner(actor, dossier);
    requireApplicantMayEdit(tenant, dossier);
    Attachment a =
        dossiers.attachment(id, attachmentId).orElseThrow(() -> new NotFound("no such attachment"));
    if (dossier.phase() != Phase.DRAFT) {
      throw new RuleViolation("a deposited document stays on file: upload a new one to replace it");
    }
    dossiers.remove(a);
    record(tenant, actor, "dossier.document-removed", dossier, a.documentId() + " " + a.sha256());
  }

  /** A file of the dossier, for download; the download is recorded. */
  public Download download(TenantId tenant, Actor actor, DossierId id, Long attachmentId) {
    Dossier dossier = visible(actor, id);
    Attachment a =
        dossiers.attachment(id, attachmentId).orElseThrow(() -> new NotFound("no such attachment"));
    record(
        tenant, actor, "dossier.document-downloaded", dossier, a.documentId() + " " + a.sha256());
    try {
      return new Download(a, content.open(a.sha256()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file and its bytes.
   *
   * @param attachment what it is
   * @param bytes its content: the caller closes it
   */
  public record Download(Attachment attachment, InputStream bytes) {}

  /**
   * Deposits the dossier. Idempotent: submitting again with the same key answers the same
   * submission; a dossier deposited under another key (or none) is not deposited twice.
   *
   * @throws Incomplete listing what is missing or invalid
   */
  public Submission submit(TenantId tenant, Actor actor, DossierId id, Optional<String> key) {
    Dossier dossier =
        dossiers
            .findForUpdate(id)
            .filter(d -> mayRead(actor, d))
            .orElseThrow(DossierService::missing);
    requireOwner(actor, dossier);
    if (dossier.phase() != Phase.DRAFT) {
      if (key.isPresent() && key.equals(dossier.submitKey())) {
        return submission(dossier, true);
      }
      throw new RuleViolation("dossier " + dossier.describe() + " is already deposited");
    }
    Tenant where = tenants.find(tenant).orElseThrow();
    if (!where.status().acceptsDeposits()) {
      throw new RuleViolation("tenant " + tenant + " does not take deposits now");
    }
    // A draft is deposited under the version new deposits follow now.
    Procedures.Version current = procedures.current(where, dossier.procedureId());
    if (!current.version().equals(dossier.procedureVersion())) {
      dossier.repin(current.version());
    }
    List<Violation> violations = problems(dossier);
    if (!violations.isEmpty()) {
      throw new Incomplete(violations);
    }
    Instant now = clock.instant();
    LocalDate today = today(now);
    long number = dossiers.nextReferenceNumber(tenant, today.getYear());
    String reference = String.format("%s-%d-%06d", tenant.value(), today.getYear(), number);
    Instruction rules = instruction(tenant, dossier);
    rules.submit(dossier, values(dossier), reference, trackingCode(), key.orElse(null), today, now);
    event(dossier, actor, ActingRole.APPLICANT, "deposer", Optional.empty(), now);
    record(tenant, actor, "dossier.submitted", dossier, "state " + dossier.state().orElseThrow());
    notices.deposited(tenant, where, dossier, procedures.version(dossier));
    return submission(dossier, false);
  }

  private Submission submission(Dossier dossier, boolean replayed) {
    return new Submission(dossier, replayed);
  }

  /**
   * A deposit.
   *
   * @param dossier the dossier deposited
   * @param replayed whether this answers a repeated submission
   */
  public record Submission(Dossier dossier, boolean replayed) {}

  private String trackingCode() {
    StringBuilder code = new StringBuilder(TRACKING_LENGTH);
    for (int i = 0; i < TRACKING_LENGTH; i++) {
      code.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
    }
    return code.toString();
  }

  /** The deposit receipt (récépissé), as a PDF. */
  public byte[] receipt(TenantId tenant, Actor actor, DossierId id, URI trackingUrl) {
    Dossier dossier = visible(actor, id);
    if (dossier.phase() == Phase.DRAFT) {
      throw new RuleViolation("a draft has no receipt: submit it first");
    }
    Tenant where = tenants.find(tenant).orElseThrow();
    Procedures.Version procedure = procedures.version(dossier);
    List<ReceiptItem> items = new ArrayList<>();
    for (Attachment a : dossiers.attachments(id)) {
      if (a.avisBody().isPresent() || a.uploadedAt().isAfter(dossier.submittedAt().orElseThrow())) {
        continue;
      }
      LocalizedText label =
          procedure.definition().documents().stream()
              .filter(d -> d.id().equals(a.documentId()))
              .map(DocumentRequirement::label)
              .findFirst()
              .orElse(LocalizedText.of(a.documentId(), a.documentId()));
      items.add(new ReceiptItem(label.fr(), label.ar(), a.fileName(), a.sha256()));
    }
    Receipt receipt =
        new Receipt(
            dossier.reference().orElseThrow(),
            dossier.trackingCode().orElseThrow(),
            where.nameFr(),
            where.nameAr(),
            procedure.definition().name().fr(),
            procedure.definition().name().ar(),
            dossier.applicantName(),
            dossier.submittedAt().orElseThrow().atZone(LEGAL_ZONE).toOffsetDateTime(),
            items,
            trackingUrl,
            procedure.fee(values(dossier)).total());
    record(tenant, actor, "dossier.receipt-downloaded", dossier, "");
    return receipts.render(receipt);
  }

  // ---- instruction -----------------------------------------------------------------------------

  /**
   * Takes an action of the procedure's workflow on the dossier.
   *
   * @param input what the action needs: a motivation, the items of a complement request…
   * @throws RuleViolation if the action is not allowed now (listing those that are)
   * @throws StaleDossier if the dossier changed since the caller read it
   */
  public Dossier act(
      TenantId tenant,
      Actor actor,
      DossierId id,
      String action,
      ActionInput input,
      OptionalLong expectedVersion) {
    Dossier dossier = visibleForUpdate(actor, id);
    expect(dossier, expectedVersion);
    Instruction rules = instruction(tenant, dossier);
    Set<ActingRole> roles = actingOn(actor, dossier);
    Transition t = rules.transition(dossier, action, roles);
    Instant now = clock.instant();
    LocalDate today = today(now);
    String note = input.motivation().orElse(null);
    if (rules.applicantTurn(t.to()) && t.by() == ActingRole.GUICHET_AGENT) {
      if (input.items().isEmpty()) {
        throw new InvalidInput("items: list each missing or invalid item and why");
      }
      ComplementRequest request =
          rules.requestComplements(dossier, toJson(input.items()), actor.username(), now);
      dossiers.store(request);
      note = describe(input.items());
    }
    if (t.by() == ActingRole.APPLICANT && rules.applicantTurn(t.from())) {
      List<ComplementRequest> open =
          dossiers.complements(id).stream().filter(c -> c.answeredAt().isEmpty()).toList();
      for (ComplementRequest c : open) {
        rules.answer(c, input.motivation().orElse(""), now);
      }
      if (!rules.state(t.to()).terminal()) {
        List<Violation> violations = problems(dossier);
        if (!violations.isEmpty()) {
          throw new Incomplete(violations);
        }
      }
    }
    if (t.by() == ActingRole.SIGNATORY && rules.state(t.to()).terminal()) {
      if (input.motivation().filter(m -> !m.isBlank()).isEmpty()
          && !t.to().equals(signedState(rules, t))) {
        throw new InvalidInput("motivation: a refusal must be motivated");
      }
    }
    move(
        tenant,
        actor,
        dossier,
        rules,
        t,
        values(dossier),
        Optional.ofNullable(note),
        false,
        today,
        now);
    return dossier;
  }

  private static String signedState(Instruction rules, Transition t) {
    // The signature that delivers the authorization ends the life of a favorable dossier: it
    // needs no motivation. A way to a terminal state from a state the authority reached
    // favorably is that signature.
    return rules.workflow().from(t.from()).size() == 1 ? t.to() : "";
  }

  /**
   * What an action carries.
   *
   * @param motivation why (a refusal, an answer to complements…)
   * @param items for a complement request: each item asked for ({@code item}, {@code reason})
   */
  public record ActionInput(Optional<String> motivation, List<Map<String, String>> items) {
    public ActionInput {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  private static String describe(List<Map<String, String>> items) {
    StringBuilder text = new StringBuilder();
    for (Map<String, String> item : items) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(item.getOrDefault("item", "?"))
          .append(": ")
          .append(item.getOrDefault("reason", ""));
    }
    return text.toString();
  }

  private void move(
      TenantId tenant,
      Actor actor,
      Dossier dossier,
      Instruction rules,
      Transition t,
      FormValues values,
      Optional<String> note,
      boolean tacit,
      LocalDate today,
      Instant now) {
    String from = dossier.state().orElseThrow();
    if (rules.commissionState(from)) {
      List<Avis> round = currentRound(dossier);
      for (Avis a : round) {
        if (a.verdict().isEmpty()) {
          rules.give(a, Verdict.DEEMED_FAVORABLE, null, Actor.SYSTEM, now);
        }
      }
      rules.consolidate(dossier, round);
    }
    rules.move(dossier, t, values, today, now);
    if ((t.by() == ActingRole.SIGNATORY && note.isPresent()) || tacit) {
      rules.decide(dossier, note.orElse(null), tacit);
    }
    String to = t.to();
    event(dossier, actor, t.by(), t.action(), note, now, Optional.of(from), Optional.of(to));
    record(
        tenant,
        actor,
        "dossier.state-changed",
        dossier,
        t.action() + ": " + from + " -> " + to + (tacit ? " (tacit approval)" : ""));
    if (rules.commissionState(to)) {
      int round = dossiers.avis(dossier.id()).stream().mapToInt(Avis::round).max().orElse(0) + 1;
      for (Avis a : rules.requestAvis(dossier, values, round, now)) {
        dossiers.store(a);
      }
    }
    notices.moved(tenant, dossier, procedures.version(dossier), t, note);
  }

  /**
   * Records a consulted body's avis. When every body of the round has answered and the procedure
   * lets the platform consolidate, the dossier moves on at once.
   */
  public Dossier giveAvis(
      TenantId tenant,
      Actor actor,
      DossierId id,
      String body,
      Verdict verdict,
      String motivation,
      OptionalLong expectedVersion) {
    requireActing(actor, ActingRole.COMMISSION_MEMBER);
    Dossier dossier = visibleForUpdate(actor, id);
    expect(dossier, expectedVersion);
    Instruction rules = instruction(tenant, dossier);
    if (dossier.phase() != Phase.OPEN || !rules.commissionState(dossier.state().orElseThrow())) {
      throw new RuleViolation(
          "dossier " + dossier.describe() + " is not before the commission",
          rules.allowed(dossier, actingOn(actor, dossier)).stream()
              .map(Transition::action)
              .toList());
    }
    List<Avis> round = currentRound(dossier);
    Avis avis =
        round.stream()
            .filter(a -> a.bodyId().equals(body))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "body '" + body + "' is not consulted on this dossier",
                        round.stream().map(Avis::bodyId).toList()));
    Instant now = clock.instant();
    rules.give(avis, verdict, motivation, actor.username(), now);
    event(
        dossier,
        actor,
        ActingRole.COMMISSION_MEMBER,
        "avis-" + body,
        Optional.of(
            verdict + (motivation == null || motivation.isBlank() ? "" : ": " + motivation)),
        now);
    record(tenant, actor, "dossier.avis-given", dossier, body + " " + verdict);
    boolean complete = round.stream().allMatch(a -> a.verdict().isPresent());
    Optional<Transition> system = rules.systemTransition(dossier.state().orElseThrow());
    if (complete && system.isPresent()) {
      move(
          tenant,
          Actor.system(),
          dossier,
          rules,
          system.get(),
          values(dossier),
          Optional.empty(),
          false,
          today(now),
          now);
    }
    return dossier;
  }

  private List<Avis> currentRound(Dossier dossier) {
    List<Avis> all = dossiers.avis(dossier.id());
    int round = all.stream().mapToInt(Avis::round).max().orElse(0);
    return all.stream().filter(a -> a.round() == round).toList();
  }

  // ---- the legal clock -------------------------------------------------------------------------

  /**
   * What the platform does when the dossier's deadline has passed on {@code today}: take the
   * procedure's own way out, record a tacit approval, or nothing (the dossier shows overdue).
   *
   * @return whether the dossier moved
   */
  public boolean deadlinePassed(TenantId tenant, DossierId id, LocalDate today) {
    Optional<Dossier> found = dossiers.findForUpdate(id);
    if (found.isEmpty() || !found.get().overdue(today)) {
      return false;
    }
    Dossier dossier = found.get();
    Instruction rules = instruction(tenant, dossier);
    Optional<Instruction.DeadlineMove> move = rules.onDeadline(dossier);
    if (move.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    Instruction.DeadlineMove m = move.get();
    Optional<String> note =
        Optional.of(
            m.tacitApproval()
                ? "approbation tacite : délai expiré le " + dossier.dueDate().orElseThrow()
                : "délai expiré le " + dossier.dueDate().orElseThrow());
    move(
        tenant,
        Actor.system(),
        dossier,
        rules,
        m.transition(),
        values(dossier),
        note,
        m.tacitApproval(),
        today,
        now);
    return true;
  }

  /**
   * Reminds the members of the commission of avis due within {@code withinWorkingDays}, once.
   *
   * @return how many reminders were queued
   */
  public int remindAvis(TenantId tenant, DossierId id, LocalDate today, int withinWorkingDays) {
    Optional<Dossier> found = dossiers.findForUpdate(id);
    if (found.isEmpty() || found.get().phase() != Phase.OPEN) {
      return 0;
    }
    Dossier dossier = found.get();
    var calendar = calendars.forTenant(tenant);
    Instant now = clock.instant();
    List<Avis> due =
        currentRound(dossier).stream()
            .filter(a -> a.verdict().isEmpty() && a.remindedAt().isEmpty())
            .filter(
                a ->
                    !a.dueDate().isBefore(today)
                        && calendar.workingDaysBetween(today, a.dueDate()) <= withinWorkingDays)
            .toList();
    if (due.isEmpty()) {
      return 0;
    }
    Instruction rules = instruction(tenant, dossier);
    List<String> recipients =
        accounts.members(tenant).entrySet().stream()
            .filter(e -> e.getValue().contains(Role.COMMISSION_MEMBER))
            .map(Map.Entry::getKey)
            .map(Account::email)
            .flatMap(Optional::stream)
            .toList();
    for (Avis a : due) {
      rules.remind(a, now);
      notices.avisReminder(tenant, dossier, procedures.version(dossier), a, recipients);
      record(
          tenant,
          Actor.system(),
          "dossier.avis-reminder",
          dossier,
          a.bodyId() + " due " + a.dueDate());
    }
    return due.size();
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** The dossier with everything hanging from it; an agent's view is recorded. */
  public DossierFile view(TenantId tenant, Actor actor, DossierId id) {
    Dossier dossier = visible(actor, id);
    if (actor.administration()) {
      record(tenant, actor, "dossier.viewed", dossier, "");
    }
    return file(tenant, dossier, actor);
  }

  private DossierFile file(TenantId tenant, Dossier dossier, Actor actor) {
    Procedures.Version procedure = procedures.version(dossier);
    Instruction rules = instruction(tenant, dossier);
    List<Transition> allowed = rules.allowed(dossier, actingOn(actor, dossier));
    return new DossierFile(
        dossier,
        procedure,
        dossiers.attachments(dossier.id()),
        dossiers.avis(dossier.id()),
        dossiers.complements(dossier.id()),
        dossiers.timeline(dossier.id()),
        allowed,
        dossier.overdue(today(clock.instant())));
  }

  /**
   * A dossier and what hangs from it, as one caller may see it.
   *
   * @param allowed the actions this caller may take now
   * @param overdue whether its legal deadline has passed
   */
  public record DossierFile(
      Dossier dossier,
      Procedures.Version procedure,
      List<Attachment> attachments,
      List<Avis> avis,
      List<ComplementRequest> complements,
      List<DossierEvent> timeline,
      List<Transition> allowed,
      boolean overdue) {}

  /** The dossiers the caller may see: an applicant's own, or all the tenant's deposited ones. */
  public List<Dossier> list(TenantId tenant, Actor actor, DossierFilter filter, int limit) {
    if (actor.administration()) {
      if (filter.phase().filter(p -> p == Phase.DRAFT).isPresent()) {
        return List.of();
      }
      return dossiers.list(filter, Optional.empty(), limit).stream()
          .filter(d -> d.phase() != Phase.DRAFT)
          .toList();
    }
    return dossiers.list(filter, Optional.of(actor.username()), limit);
  }

  /**
   * What the public may know of a dossier, given its reference and its tracking code: its state,
   * due date and who acts next — no personal data. Empty, alike, for an unknown reference or a
   * wrong code.
   */
  public Optional<Tracking> track(TenantId tenant, String reference, String code) {
    Optional<Dossier> found =
        dossiers
            .findByReference(reference)
            .filter(d -> d.trackingCode().map(c -> sameCode(c, code)).orElse(false));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Dossier dossier = found.get();
    Procedures.Version procedure = procedures.version(dossier);
    var workflow = procedure.definition().workflow();
    String state = dossier.state().orElseThrow();
    List<ActingRole> next =
        workflow.from(state).stream()
            .map(Transition::by)
            .filter(r -> r != ActingRole.SYSTEM)
            .distinct()
            .toList();
    return Optional.of(
        new Tracking(
            dossier.reference().orElseThrow(),
            procedure.definition().name(),
            dossier.phase(),
            workflow.state(state).orElseThrow().label(),
            dossier.stateEnteredAt().orElseThrow(),
            dossier.dueDate(),
            dossier.overdue(today(clock.instant())),
            next,
            dossier.tacit()));
  }

  /**
   * A dossier as the public tracking page shows it.
   *
   * @param nextBy who acts next (the applicant, the guichet, the commission, the authority)
   */
  public record Tracking(
      String reference,
      LocalizedText procedure,
      Phase phase,
      LocalizedText state,
      Instant since,
      Optional<LocalDate> dueDate,
      boolean overdue,
      List<ActingRole> nextBy,
      boolean tacitApproval) {}

  /** The form's values of a dossier, as given. */
  public static Map<String, Object> valuesOf(Dossier dossier) {
    return fromJson(dossier.formValues());
  }

  /** The current state of a dossier, for a conflict report. */
  public Optional<Dossier> current(TenantId tenant, Actor actor, DossierId id) {
    return dossiers.find(id).filter(d -> mayRead(actor, d));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static LocalDate today(Instant now) {
    return now.atZone(LEGAL_ZONE).toLocalDate();
  }

  private Instruction instruction(TenantId tenant, Dossier dossier) {
    Procedures.Version procedure = procedures.version(dossier);
    return new Instruction(
        procedure.definition(), procedure.guardedProvider(), calendars.forTenant(tenant));
  }

  private FormValues values(Dossier dossier) {
    return FormValues.of(fromJson(dossier.formValues()));
  }

  private Dossier visible(Actor actor, DossierId id) {
    return dossiers.find(id).filter(d -> mayRead(actor, d)).orElseThrow(DossierService::missing);
  }

  private Dossier visibleForUpdate(Actor actor, DossierId id) {
    return dossiers
        .findForUpdate(id)
        .filter(d -> mayRead(actor, d))
        .orElseThrow(DossierService::missing);
  }

  private static NotFound missing() {
    return new NotFound("no such dossier");
  }

  /** Applicants see their own dossiers; the administration sees deposited ones, never drafts. */
  private static boolean mayRead(Actor actor, Dossier dossier) {
    if (dossier.owner().equals(actor.username())) {
      return true;
    }
    return actor.administration() && dossier.phase() != Phase.DRAFT;
  }

  private static void requireOwner(Actor actor, Dossier dossier) {
    if (!dossier.owner().equals(actor.username())) {
      throw new AccessDenied(
          "only the applicant who deposits dossier " + dossier.describe() + " may change it");
    }
  }

  private static void requireActing(Actor actor, ActingRole role) {
    if (!actor.actingRoles().contains(role)) {
      throw new AccessDenied("this needs the role " + role + " in this tenant");
    }
  }

  /** The roles the actor acts in on this dossier: the applicant's only on their own. */
  private static Set<ActingRole> actingOn(Actor actor, Dossier dossier) {
    Set<ActingRole> roles = new java.util.HashSet<>(actor.actingRoles());
    if (!dossier.owner().equals(actor.username())) {
      roles.remove(ActingRole.APPLICANT);
    }
    return roles;
  }

  private static void expect(Dossier dossier, OptionalLong expectedVersion) {
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != dossier.version()) {
      throw new StaleDossier(dossier);
    }
  }

  private void event(
      Dossier dossier,
      Actor actor,
      ActingRole role,
      String action,
      Optional<String> note,
      Instant now) {
    event(dossier, actor, role, action, note, now, Optional.empty(), Optional.empty());
  }

  private void event(
      Dossier dossier,
      Actor actor,
      ActingRole role,
      String action,
      Optional<String> note,
      Instant now,
      Optional<String> from,
      Optional<String> to) {
    dossiers.store(
        DossierEvent.of(
            dossier.id(), now, actor.username(), actor.roleFor(role), action, from, to, note));
  }

  private void record(TenantId tenant, Actor actor, String action, Dossier dossier, String detail) {
    audit.record(
        tenant,
        new AuditEvent(
            actor.username(),
            action,
            "dossier",
            dossier.describe(),
            detail,
            actor.sourceAddress()));
  }

  static String toJson(Object value) {
    return JSON.toJson(value == null ? Map.of() : value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> fromJson(String json) {
    try {
      Object parsed = JSON.fromJson(json, LinkedHashMap.class);
      return parsed == null ? Map.of() : (Map<String, Object>) parsed;
    } catch (JsonbException e) {
      LOG.warning("unreadable form values: " + e.getMessage());
      return Map.of();
    }
  }

  static boolean sameCode(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            given
                .strip()
                .toUpperCase(java.util.Locale.ROOT)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
