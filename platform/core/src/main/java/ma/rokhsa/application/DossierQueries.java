package ma.rokhsa.application;

import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ma.rokhsa.application.DossierWorkflow.Instructed;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentDownloaded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierViewed;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierReference;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.DossierRepository.DossierFilter;
import ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * Reading dossiers: one dossier with what hangs from it, lists, files, and public tracking. The
 * administration's reads of a dossier and of its files are audited.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DossierQueries {

  private DossierWorkflow workflow;
  private DossierRepository dossiers;
  private ContentStore content;
  private ProcedureCatalog catalog;

  /** For CDI's proxy. */
  protected DossierQueries() {}

  @Inject
  DossierQueries(
      DossierWorkflow workflow,
      DossierRepository dossiers,
      ContentStore content,
      ProcedureCatalog catalog) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.content = content;
    this.catalog = catalog;
  }

  /** The dossier with everything hanging from it; an agent's view is recorded. */
  public DossierFile view(TenantContext context, DossierId id) {
    Actor actor = context.actor();
    Instructed at = workflow.visible(context.tenant(), actor, id);
    DossierFile file = workflow.file(at, actor);
    if (actor.administration()) {
      // Recorded last: the entry takes the tenant's audit chain until the transaction ends.
      workflow.fire(new DossierViewed(context.tenant(), by(actor), at.dossier()));
    }
    return file;
  }

  /**
   * The dossiers the caller may see, a page at a time: an applicant's own (drafts included), or the
   * tenant's deposited ones — drafts excluded in the query, so that no number of drafts hides a
   * deposited dossier.
   *
   * @param after where the previous page ended, empty for the first page
   * @param limit the page size
   */
  public List<Dossier> list(
      TenantContext context, DossierFilter filter, Optional<ListPosition> after, int limit) {
    Actor actor = context.actor();
    if (actor.administration()) {
      if (filter.phase().filter(p -> p == Phase.DRAFT).isPresent()) {
        return List.of();
      }
      return dossiers.list(filter, Optional.empty(), false, after, limit);
    }
    return dossiers.list(filter, Optional.of(actor.username()), true, after, limit);
  }

  /** A file of the dossier, for download; the download is recorded. */
  public Download download(TenantContext context, DossierId id, Long attachmentId) {
    Actor actor = context.actor();
    Dossier dossier = workflow.visibleDossier(actor, id);
    Attachment a =
        dossier.attachment(attachmentId).orElseThrow(() -> new NotFound("no such attachment"));
    workflow.fire(new DocumentDownloaded(context.tenant(), by(actor), dossier, a));
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

  /** The current state of a dossier, for a conflict report. */
  public Optional<Dossier> current(TenantContext context, DossierId id) {
    return dossiers.find(id).filter(d -> DossierAccess.mayRead(context.actor(), d));
  }

  /**
   * What the public may know of a dossier, given its reference and its tracking code: its state,
   * due date and who acts next — no personal data. Empty, alike, for an unknown reference or a
   * wrong code.
   */
  public Optional<Tracking> track(TenantContext context, DossierReference reference, String code) {
    Optional<Dossier> found =
        dossiers
            .findByReference(reference)
            .filter(d -> d.trackingCode().map(c -> sameCode(c, code)).orElse(false));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Dossier dossier = found.get();
    Procedures.Version procedure = workflow.procedure(dossier);
    var definition = procedure.definition().workflow();
    String state = dossier.state().orElseThrow();
    List<ActingRole> next =
        definition.from(state).stream()
            .map(Transition::by)
            .filter(r -> r != ActingRole.SYSTEM)
            .distinct()
            .toList();
    return Optional.of(
        new Tracking(
            dossier.reference().orElseThrow(),
            procedure.definition().name(),
            dossier.phase(),
            definition.state(state).orElseThrow().label(),
            dossier.stateEnteredAt().orElseThrow(),
            dossier.dueDate(),
            dossier.overdue(DossierWorkflow.today(workflow.now())),
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

  static boolean sameCode(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            given.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A page of the open dossiers of the tenant whose next step is the caller's signature (a
   * signature way, {@link SignedDelivery}, is allowed to them now), the longest unchanged first.
   * The query narrows to the states a signature way leaves from in the procedures offered, then
   * each dossier's own rules decide; the page is filled across as many reads as that takes, so
   * nothing is left out however many dossiers are open.
   *
   * @param after where the previous page ended, empty for the first page
   * @param limit the most dossiers answered
   */
  public List<DossierFile> awaitingSignature(
      TenantContext context, Optional<ListPosition> after, int limit) {
    Actor actor = context.actor();
    java.util.Set<String> states = signatureStates();
    List<DossierFile> awaiting = new java.util.ArrayList<>();
    Optional<ListPosition> from = after;
    int chunk = Math.max(limit, 50);
    while (awaiting.size() < limit) {
      List<Dossier> read = dossiers.openIn(states, from, chunk);
      for (Dossier dossier : read) {
        from = Optional.of(ListPosition.of(dossier));
        Instructed at = workflow.instructed(context.tenant(), dossier);
        boolean awaits =
            at.rules().allowed(dossier, DossierAccess.actingOn(actor, dossier)).stream()
                .anyMatch(t -> SignedDelivery.isSignature(at.rules().workflow(), t));
        if (awaits) {
          awaiting.add(workflow.file(at, actor));
          if (awaiting.size() == limit) {
            break;
          }
        }
      }
      if (read.size() < chunk) {
        break;
      }
    }
    return awaiting;
  }

  /** The states a signature way leaves from, in every procedure version a started plugin offers. */
  private java.util.Set<String> signatureStates() {
    java.util.Set<String> states = new java.util.TreeSet<>();
    for (ProcedureCatalog.OfferedProcedure offered : catalog.procedures()) {
      var definition = offered.definition().workflow();
      definition.transitions().stream()
          .filter(t -> SignedDelivery.isSignature(definition, t))
          .forEach(t -> states.add(t.from()));
    }
    return states;
  }
}
