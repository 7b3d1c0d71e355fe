package ma.rokhsa.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.Map;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.FormContent;
import ma.rokhsa.domain.model.dossier.ProcedureRef;
import org.junit.jupiter.api.Test;

/**
 * What counts as "the dossier changed meanwhile" (a 409 on the API and on the pages): a version the
 * service found stale, or an optimistic lock conflict found at commit, however it is wrapped.
 */
class StaleDossierTest {

  @Test
  void aStaleVersionChangedTheDossierMeanwhile() {
    Dossier dossier =
        Dossier.draft(
            DossierId.random(),
            new ProcedureRef("permis-test", "1.0.0"),
            "demandeur",
            "Karim Benali",
            "k@example.ma",
            "fr",
            FormContent.of(Map.of()),
            Instant.parse("2026-12-07T10:00:00Z"));
    StaleDossier stale = new StaleDossier(dossier);
    assertThat(StaleDossier.changedMeanwhile(stale)).isTrue();
    assertThat(StaleDossier.lostAtCommit(stale)).as("found before any commit").isFalse();
  }

  @Test
  void anOptimisticLockConflictAtCommitIsFoundHoweverItIsWrapped() {
    // JPA's own, as a resource-local commit wraps it.
    assertThat(
            StaleDossier.changedMeanwhile(
                new jakarta.persistence.RollbackException(
                    new jakarta.persistence.OptimisticLockException("row changed"))))
        .isTrue();
    // EclipseLink's, as the JTA transaction manager and the @Transactional interceptor wrap it.
    RollbackException rolledBack = new RollbackException("commit failed");
    rolledBack.initCause(new EclipseLinkConflict());
    assertThat(
            StaleDossier.changedMeanwhile(
                new TransactionalException("exception during commit", rolledBack)))
        .isTrue();
    // Attached as a suppressed exception rather than as the cause.
    RollbackException suppressed = new RollbackException("commit failed");
    suppressed.addSuppressed(new jakarta.persistence.OptimisticLockException());
    assertThat(StaleDossier.lostAtCommit(new IllegalStateException(suppressed))).isTrue();
  }

  @Test
  void otherFailuresAreNotConflicts() {
    assertThat(StaleDossier.changedMeanwhile(new RollbackException("deadlock"))).isFalse();
    assertThat(
            StaleDossier.changedMeanwhile(
                new TransactionalException("x", new IllegalStateException("disk full"))))
        .isFalse();
    assertThat(StaleDossier.changedMeanwhile(null)).isFalse();
    RuntimeException loop = new RuntimeException("loop");
    RuntimeException outer = new RuntimeException(loop);
    loop.initCause(outer);
    assertThat(StaleDossier.changedMeanwhile(outer)).as("a cycle of causes ends").isFalse();
  }

  /** The provider's exception (its constructors are protected). */
  private static final class EclipseLinkConflict
      extends org.eclipse.persistence.exceptions.OptimisticLockException {
    private static final long serialVersionUID = 1L;

    EclipseLinkConflict() {
      super("The object was changed since it was read");
    }
  }
}
