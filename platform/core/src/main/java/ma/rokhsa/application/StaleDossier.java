package ma.rokhsa.application;

import ma.rokhsa.domain.model.dossier.Dossier;

/**
 * The dossier changed since the caller read it (another agent acted first): nothing was done, and
 * the caller is told the dossier's current state and version.
 */
public class StaleDossier extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String state;
  private final long version;

  public StaleDossier(Dossier current) {
    super(
        "dossier "
            + current.describe()
            + " changed meanwhile: it is now "
            + current.state().orElse(current.phase().name())
            + " at version "
            + current.version());
    this.state = current.state().orElse(current.phase().name());
    this.version = current.version();
  }

  /**
   * Whether {@code e} says that the dossier changed since the caller read it, so that nothing was
   * done: a {@code StaleDossier} (the version the caller read is not the dossier's), or a conflict
   * found only when the transaction committed ({@link #lostAtCommit}).
   */
  public static boolean changedMeanwhile(Throwable e) {
    return e instanceof StaleDossier || lostAtCommit(e);
  }

  /**
   * Whether {@code e} is, or was caused by, an optimistic lock conflict: another request changed
   * the same row first, and the commit failed. JPA's {@code OptimisticLockException} or the
   * provider's own, however the transaction manager wrapped it ({@code
   * jakarta.transaction.RollbackException}, {@code jakarta.persistence.RollbackException}, {@code
   * TransactionalException}…), as a cause or a suppressed exception.
   */
  public static boolean lostAtCommit(Throwable e) {
    return lostAtCommit(e, 0);
  }

  private static boolean lostAtCommit(Throwable e, int depth) {
    if (e == null || depth > 16) {
      return false;
    }
    // JPA's exception or the provider's own (EclipseLink's), by name: the provider is the server's.
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getSimpleName().equals("OptimisticLockException")) {
        return true;
      }
    }
    for (Throwable suppressed : e.getSuppressed()) {
      if (lostAtCommit(suppressed, depth + 1)) {
        return true;
      }
    }
    return e.getCause() != e && lostAtCommit(e.getCause(), depth + 1);
  }

  public String state() {
    return state;
  }

  public long version() {
    return version;
  }
}
