package ma.rokhsa.domain.model.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * What happened to a dossier, in the past tense, each carrying its {@link TenantId}. The workflow
 * fires them (CDI, synchronously) and its consumers observe them inside the same transaction — the
 * audit trail, the notification outbox, next the search change log — so that a new consumer never
 * edits the workflow, and what they write commits or rolls back with the change (ADR 0011).
 *
 * <p>Observers read the dossier they are given; they never change it.
 */
public sealed interface DossierDomainEvent {

  /** The tenant whose dossier it is. */
  TenantId tenant();

  /** Who did it: the account, or {@code system} for the platform itself. */
  By by();

  /** The dossier, as it is right after. */
  Dossier dossier();

  /**
   * Who did it, and from where (for the audit trail).
   *
   * @param username the account, or {@code system}
   * @param sourceAddress the client's address, empty for the platform
   */
  record By(String username, String sourceAddress) {
    public By {
      Objects.requireNonNull(username);
      sourceAddress = sourceAddress == null ? "" : sourceAddress;
    }
  }

  /** A draft was started. */
  record DraftCreated(TenantId tenant, By by, Dossier dossier) implements DossierDomainEvent {}

  /** The form's values of a draft (or of a dossier awaiting complements) were replaced. */
  record ValuesSaved(TenantId tenant, By by, Dossier dossier) implements DossierDomainEvent {}

  /** The applicant attached a file to one of the procedure's documents. */
  record DocumentAttached(TenantId tenant, By by, Dossier dossier, Attachment attachment)
      implements DossierDomainEvent {}

  /** A commission member attached a file to a body's avis. */
  record AvisFileAttached(TenantId tenant, By by, Dossier dossier, Attachment attachment)
      implements DossierDomainEvent {}

  /** A file was taken off a draft. */
  record DocumentRemoved(TenantId tenant, By by, Dossier dossier, Attachment attachment)
      implements DossierDomainEvent {}

  /** A file of the dossier was downloaded. */
  record DocumentDownloaded(TenantId tenant, By by, Dossier dossier, Attachment attachment)
      implements DossierDomainEvent {}

  /**
   * The dossier was deposited: it has its reference and is in the procedure's first state.
   *
   * @param procedure the version it was deposited under
   */
  record DossierDeposited(TenantId tenant, By by, Dossier dossier, ProcedureDefinition procedure)
      implements DossierDomainEvent {}

  /** The deposit receipt was downloaded. */
  record ReceiptDownloaded(TenantId tenant, By by, Dossier dossier) implements DossierDomainEvent {}

  /** Someone of the administration opened the dossier. */
  record DossierViewed(TenantId tenant, By by, Dossier dossier) implements DossierDomainEvent {}

  /**
   * The guichet asked the applicant for complements (the dossier moved to the applicant's turn:
   * {@link DossierMoved} came first).
   *
   * @param procedure the version the dossier follows
   * @param items each item asked for ({@code item}, {@code reason})
   */
  record ComplementsRequested(
      TenantId tenant,
      By by,
      Dossier dossier,
      ProcedureDefinition procedure,
      List<Map<String, String>> items)
      implements DossierDomainEvent {}

  /** A consulted body gave its avis. */
  record AvisGiven(TenantId tenant, By by, Dossier dossier, Avis avis)
      implements DossierDomainEvent {}

  /**
   * The dossier moved along a way of its procedure's workflow.
   *
   * @param procedure the version the dossier follows
   * @param transition the way taken
   * @param note why (a motivation, the complements asked, a deadline passing)
   * @param tacitApproval whether the platform took it because silence counts as acceptance
   * @param decided whether the move is a decision ({@link DecisionTaken} follows)
   * @param complementsRequested whether it asks the applicant for complements ({@link
   *     ComplementsRequested} follows)
   */
  record DossierMoved(
      TenantId tenant,
      By by,
      Dossier dossier,
      ProcedureDefinition procedure,
      Transition transition,
      Optional<String> note,
      boolean tacitApproval,
      boolean decided,
      boolean complementsRequested)
      implements DossierDomainEvent {}

  /**
   * The authority decided (the dossier moved too: {@link DossierMoved} came first).
   *
   * @param procedure the version the dossier follows
   * @param motivation the decision's motivation, if any
   * @param tacit whether the decision is a tacit approval
   */
  record DecisionTaken(
      TenantId tenant,
      By by,
      Dossier dossier,
      ProcedureDefinition procedure,
      Optional<String> motivation,
      boolean tacit)
      implements DossierDomainEvent {}

  /** The commission was due a reminder of a body's avis, coming due (sent once). */
  record AvisReminded(TenantId tenant, By by, Dossier dossier, Avis avis)
      implements DossierDomainEvent {}

  /**
   * The due date was counted again in a working calendar that changed (a holiday announced).
   *
   * @param former the due date as counted before
   */
  record DueDateRecounted(TenantId tenant, By by, Dossier dossier, LocalDate former)
      implements DossierDomainEvent {}

  /**
   * The authorization was signed and delivered: the dossier moved too ({@link DossierMoved} came
   * first).
   *
   * @param procedure the version the dossier follows
   * @param documentId the signed document's public id (the register's)
   * @param signatory who signed, as named on the document
   */
  record AuthorizationDelivered(
      TenantId tenant,
      By by,
      Dossier dossier,
      ProcedureDefinition procedure,
      String documentId,
      String signatory)
      implements DossierDomainEvent {}

  /** Someone downloaded the signed authorization. */
  record AuthorizationDownloaded(TenantId tenant, By by, Dossier dossier, String documentId)
      implements DossierDomainEvent {}

  /**
   * The authority revoked a delivered authorization; public verification shows it revoked.
   *
   * @param reason the motivation
   */
  record AuthorizationRevoked(
      TenantId tenant, By by, Dossier dossier, String documentId, String reason)
      implements DossierDomainEvent {}
}
