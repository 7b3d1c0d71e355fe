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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
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
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
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

  /**
   * The dossier, if the caller may see it ({@link DossierAccess}); otherwise 404, alike. Its
   * procedure version is looked up once, here, for the whole request.
   */
  Instructed visible(TenantId tenant, Actor actor, DossierId id) {
    return instructed(tenant, visibleDossier(actor, id));
  }

  /** The dossier alone, if the caller may see it: for what needs no rules (a download). */
  Dossier visibleDossier(Actor actor, DossierId id) {
    return dossiers
        .find(id)
        .filter(d -> DossierAccess.mayRead(actor, d))
        .orElseThrow(DossierAccess::missing);
  }

  /** The same, locked against concurrent changes until the transaction ends. */
  Instructed visibleForUpdate(TenantId tenant, Actor actor, DossierId id) {
    return instructed(tenant, lockedVisible(actor, id));
  }

  /** The dossier locked, if the caller may see it, before its procedure version is looked up. */
  Dossier lockedVisible(Actor actor, DossierId id) {
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

  /** The dossier with the rules of the version it follows. */
  Instructed instructed(TenantId tenant, Dossier dossier) {
    return instructed(tenant, dossier, procedures.version(dossier));
  }

  /** The version the dossier follows, looked up once for a read that needs no rules. */
  Procedures.Version procedure(Dossier dossier) {
    return procedures.version(dossier);
  }

  /** The dossier with the rules of a version already looked up. */
  Instructed instructed(TenantId tenant, Dossier dossier, Procedures.Version procedure) {
    return new Instructed(
        dossier,
        procedure,
        new Instruction(
            procedure.definition(), procedure.guardedProvider(), calendars.forTenant(tenant)));
  }

  /**
   * A dossier loaded for one request, with its procedure version and that version's rules, looked
   * up once and passed on.
   */
  record Instructed(Dossier dossier, Procedures.Version procedure, Instruction rules) {}

  // ---- rules that ask the plugin ---------------------------------------------------------------

  /** What is wrong with the dossier's form and documents; empty when it can be deposited. */
  static List<Violation> problems(Instructed at) {
    Dossier dossier = at.dossier();
    Procedures.Version procedure = at.procedure();
    FormValues values = dossier.values();
    List<Violation> violations =
        new ArrayList<>(
            procedure.guarded(() -> procedure.definition().validate(values, procedure.provider())));
    for (DocumentRequirement doc : procedure.definition().documents()) {
      boolean applies = doc.when().map(c -> c.holds(values)).orElse(true);
      if (doc.required() && applies && dossier.currentFiles(doc.id()).isEmpty()) {
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
   * Records a move the aggregate made ({@link Dossier#take} and the like): writes the timeline and
   * publishes {@link DossierMoved} (then {@link DecisionTaken}).
   *
   * @param note what the timeline says of it
   */
  void moved(
      TenantId tenant,
      Actor actor,
      Instructed at,
      Transition t,
      Dossier.Moved moved,
      Optional<String> note,
      boolean tacit,
      boolean complementsRequested,
      Instant now) {
    Dossier dossier = at.dossier();
    timeline(
        dossier,
        actor,
        t.by(),
        t.action(),
        note,
        now,
        Optional.of(moved.from()),
        Optional.of(moved.to()));
    ProcedureDefinition procedure = at.procedure().definition();
    fire(
        new DossierMoved(
            tenant,
            by(actor),
            dossier,
            procedure,
            t,
            note,
            tacit,
            moved.decided(),
            complementsRequested));
    if (moved.decided()) {
      fire(new DecisionTaken(tenant, by(actor), dossier, procedure, note, tacit));
    }
  }

  /**
   * Takes a way that is neither a request for complements nor the answer to one, and records it.
   */
  void take(
      TenantId tenant,
      Actor actor,
      Instructed at,
      Transition t,
      Optional<String> note,
      boolean tacit,
      Instant now) {
    Dossier.Moved moved = at.dossier().take(at.rules(), t, note, tacit, today(now), now);
    moved(tenant, actor, at, t, moved, note, tacit, false, now);
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
   * the change, in its transaction (flushed first, so the version is the one the change gave and
   * new children have their ids).
   */
  DossierFile file(Instructed at, Actor actor) {
    dossiers.flush();
    Dossier dossier = at.dossier();
    List<Transition> allowed = at.rules().allowed(dossier, DossierAccess.actingOn(actor, dossier));
    return new DossierFile(
        dossier,
        at.procedure(),
        dossier.form().asMap(),
        sorted(dossier.attachments(), Comparator.comparing(Attachment::id)),
        sorted(dossier.avis(), Comparator.comparingInt(Avis::round).thenComparing(Avis::id)),
        sorted(dossier.complements(), Comparator.comparing(ComplementRequest::id)).stream()
            .map(DossierWorkflow::complement)
            .toList(),
        dossiers.timeline(dossier.id()),
        allowed,
        dossier.overdue(today(now())),
        at.procedure().fee(dossier.values()));
  }

  // In id order, as they were always listed (a child added in this transaction has its id once
  // flushed; ids from another node's sequence block may come before it).
  private static <T> List<T> sorted(List<T> children, Comparator<T> order) {
    return children.stream().sorted(order).toList();
  }

  private static DossierFile.Complement complement(ComplementRequest c) {
    return new DossierFile.Complement(c, items(c.items()));
  }

  // ---- JSON of complement items ------------------------------------------------

  static String toJson(List<Map<String, String>> items) {
    return JSON.toJson(items == null ? List.of() : items);
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
