package ma.rokhsa.domain.model.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The dossiers of the tenant the current transaction works for. A dossier is stored and loaded with
 * what it owns (avis, complement requests, files: see {@link Dossier}); its timeline is a log of
 * its own.
 */
public interface DossierRepository {

  Optional<Dossier> find(DossierId id);

  /** The dossier, locked against concurrent changes until the transaction ends. */
  Optional<Dossier> findForUpdate(DossierId id);

  Optional<Dossier> findByReference(DossierReference reference);

  /**
   * Dossiers matching the filter, most recently changed first (ties by id, descending), a page at a
   * time: the next page starts after the last dossier of this one.
   *
   * @param owner only this account's, when given
   * @param drafts whether drafts are listed at all (never for the administration: excluded in the
   *     query itself, so that drafts never fill a page)
   * @param after the position of the last dossier of the previous page, empty for the first
   */
  List<Dossier> list(
      DossierFilter filter,
      Optional<String> owner,
      boolean drafts,
      Optional<ListPosition> after,
      int limit);

  /**
   * Open dossiers in one of {@code states}, longest unchanged first (oldest change, ties by id,
   * ascending), a page at a time: the next page starts after the last dossier of this one.
   *
   * @param after the position of the last dossier of the previous page, empty for the first
   */
  List<Dossier> openIn(java.util.Set<String> states, Optional<ListPosition> after, int limit);

  /**
   * Where a page of {@link #list} or {@link #openIn} ends: the last dossier's change time and id.
   *
   * @param updatedAt when it last changed
   * @param id its id
   */
  record ListPosition(java.time.Instant updatedAt, DossierId id) {
    public ListPosition {
      java.util.Objects.requireNonNull(updatedAt, "updatedAt");
      java.util.Objects.requireNonNull(id, "id");
    }

    public static ListPosition of(Dossier dossier) {
      return new ListPosition(dossier.updatedAt(), dossier.id());
    }
  }

  /**
   * The bytes of the documents an account has uploaded to dossiers of every tenant (avis files
   * aside, replaced files included: they are kept): what its upload quota counts.
   */
  long bytesUploadedBy(String username);

  /** Stores a new dossier (and, with it, whatever it owns). A loaded one is written on commit. */
  void store(Dossier dossier);

  /** Writes the changes of the transaction so far (a changed dossier gets its new version). */
  void flush();

  /**
   * Notes that the legal clock found the dossier past {@code due} with no way out, so that it is
   * not looked at again until its due date changes. A bulk update: the version moves.
   */
  void markLeftOverdue(DossierId id, LocalDate due);

  /**
   * Notes that the legal clock failed on the dossier ({@code failures} times in a row) and tries
   * again after {@code retryAfter}. A bulk update: the version moves.
   */
  void markClockFailure(DossierId id, int failures, java.time.Instant retryAfter, String problem);

  /** The next reference number of the tenant in that year: 1, 2, 3… without gaps or repeats. */
  long nextReferenceNumber(TenantId tenant, int year);

  /** The dossier's timeline, oldest first (an append-only log, not part of the aggregate). */
  List<DossierEvent> timeline(DossierId dossier);

  void store(DossierEvent event);

  /**
   * What a list of dossiers is narrowed to.
   *
   * @param phase DRAFT, OPEN or CLOSED
   * @param state the procedure state
   * @param procedure the procedure id
   * @param overdueOn open dossiers whose due date is before this day
   */
  record DossierFilter(
      Optional<Phase> phase,
      Optional<String> state,
      Optional<String> procedure,
      Optional<LocalDate> overdueOn) {

    public static DossierFilter all() {
      return new DossierFilter(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
