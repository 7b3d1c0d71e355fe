package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.Transactional;
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
import java.util.logging.Logger;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.ComplementRequest;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DecisionTaken;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierMoved;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * What the dossier services share, inside the transaction of the one service a request calls:
 * loading a dossier the caller may see, the rules of its procedure version ({@link Instruction}), a
 * move along the workflow, the timeline, publishing the domain events, and the view a change
 * answers with. Never a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DossierWorkflow {

  /** Morocco's legal time: due dates are counted in its days. */
  public static final ZoneId LEGAL_ZONE = ZoneId.of("Africa/Casablanca");

  private static final Logger LOG = Logger.getLogger(DossierWorkflow.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  private DossierRepository dossiers;
  private Procedures procedures;
  private WorkingCalendars calendars;
  private Event<DossierDomainEvent> events;
  private Clock clock;

  /** For CDI's proxy. */
  protected DossierWorkflow() {}

  @Inject
  DossierWorkflow(
      DossierRepository dossiers,
      Procedures procedures,
      WorkingCalendars calendars,
      Event<DossierDomainEvent> events,
      Clock clock) {
    this.dossiers = dossiers;
    this.procedures = procedures;
    this.calendars = calendars;
    this.events = events;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  static LocalDate today(Instant now) {
    return now.atZone(LEGAL_ZONE).toLocalDate();
  }

  // ---- loading ---------------------------------------------------------------------------------

  /** The dossier, if the caller may see it ({@link DossierAccess}); otherwise 404, alike. */
  Dossier visible(Actor actor, DossierId id) {
    return dossiers
        .find(id)
        .filter(d -> DossierAccess.mayRead(actor, d))
        .orElseThrow(DossierAccess::missing);
  }

  /** The same, locked against concurrent changes until the transaction ends. */
  Dossier visibleForUpdate(Actor actor, DossierId id) {
    return dossiers
        .findForUpdate(id)
        .filter(d -> DossierAccess.mayRead(actor, d))
        .orElseThrow(DossierAccess::missing);
  }

  static void expect(Dossier dossier, OptionalLong expectedVersion) {
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != dossier.version()) {
      throw new StaleDossier(dossier);
    }
  }

  Instruction instruction(TenantId tenant, Dossier dossier) {
    Procedures.Version procedure = procedures.version(dossier);
    return new Instruction(
        procedure.definition(), procedure.guardedProvider(), calendars.forTenant(tenant));
  }

  Procedures.Version procedure(Dossier dossier) {
    return procedures.version(dossier);
  }

  static FormValues values(Dossier dossier) {
    return FormValues.of(fromJson(dossier.formValues()));
  }

  List<Avis> currentRound(Dossier dossier) {
    List<Avis> all = dossiers.avis(dossier.id());
    int round = all.stream().mapToInt(Avis::round).max().orElse(0);
    return all.stream().filter(a -> a.round() == round).toList();
  }

  // ---- rules shared by drafts, deposits and instruction ----------------------------------------

  /** The applicant changes a dossier while a draft, or when the procedure gives them a turn. */
  void requireApplicantMayEdit(TenantId tenant, Dossier dossier) {
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

  /** What is wrong with the dossier's form and documents; empty when it can be deposited. */
  List<Violation> problems(Dossier dossier) {
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

  // ---- moving ----------------------------------------------------------------------------------

  /**
   * Moves the dossier along a transition its rules allow — the aggregate decides what the move does
   * ({@link Dossier#take}) — then stores the avis it asks, writes the timeline and publishes {@link
   * DossierMoved} (then {@link DecisionTaken}).
   */
  void move(
      TenantId tenant,
      Actor actor,
      Dossier dossier,
      Instruction rules,
      Transition t,
      Optional<String> note,
      boolean tacit,
      Instant now) {
    Dossier.Moved moved =
        dossier.take(
            rules, t, currentRound(dossier), values(dossier), note, tacit, today(now), now);
    timeline(
        dossier,
        actor,
        t.by(),
        t.action(),
        note,
        now,
        Optional.of(moved.from()),
        Optional.of(moved.to()));
    for (Avis a : moved.askedAvis()) {
      dossiers.store(a);
    }
    fire(new DossierMoved(tenant, by(actor), dossier, t, note, tacit));
    if (moved.decided()) {
      fire(new DecisionTaken(tenant, by(actor), dossier, note, tacit));
    }
  }

  // ---- recording -------------------------------------------------------------------------------

  void timeline(
      Dossier dossier,
      Actor actor,
      ActingRole role,
      String action,
      Optional<String> note,
      Instant now) {
    timeline(dossier, actor, role, action, note, now, Optional.empty(), Optional.empty());
  }

  void timeline(
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

  /** Publishes what happened; its observers write inside this transaction. */
  void fire(DossierDomainEvent event) {
    events.fire(event);
  }

  static DossierDomainEvent.By by(Actor actor) {
    return new DossierDomainEvent.By(actor.username(), actor.sourceAddress());
  }

  // ---- the view --------------------------------------------------------------------------------

  /**
   * The dossier with everything hanging from it, as this caller may see it — built at the end of
   * the change, in its transaction (flushed first, so the version is the one the change gave).
   */
  DossierFile file(TenantId tenant, Dossier dossier, Actor actor) {
    dossiers.flush();
    Procedures.Version procedure = procedures.version(dossier);
    Instruction rules = instruction(tenant, dossier);
    List<Transition> allowed = rules.allowed(dossier, DossierAccess.actingOn(actor, dossier));
    return new DossierFile(
        dossier,
        procedure,
        fromJson(dossier.formValues()),
        dossiers.attachments(dossier.id()),
        dossiers.avis(dossier.id()),
        dossiers.complements(dossier.id()).stream().map(DossierWorkflow::complement).toList(),
        dossiers.timeline(dossier.id()),
        allowed,
        dossier.overdue(today(now())));
  }

  private static DossierFile.Complement complement(ComplementRequest c) {
    return new DossierFile.Complement(c, items(c.items()));
  }

  // ---- JSON of form values and complement items ------------------------------------------------

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

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> items(String json) {
    try {
      List<Object> parsed = JSON.fromJson(json, ArrayList.class);
      List<Map<String, String>> items = new ArrayList<>();
      for (Object item : parsed == null ? List.of() : parsed) {
        Map<String, String> fields = new LinkedHashMap<>();
        ((Map<String, Object>) item)
            .forEach((k, v) -> fields.put(k, v == null ? null : v.toString()));
        items.add(fields);
      }
      return items;
    } catch (JsonbException | ClassCastException e) {
      LOG.warning("unreadable complement items: " + e.getMessage());
      return List.of();
    }
  }
}
