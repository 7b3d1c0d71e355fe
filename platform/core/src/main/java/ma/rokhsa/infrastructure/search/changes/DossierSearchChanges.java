package ma.rokhsa.infrastructure.search.changes;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisGiven;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierDeposited;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierMoved;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DraftCreated;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DueDateRecounted;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ValuesSaved;

/**
 * Writes a search change for every dossier event that changes what the index shows — a draft
 * started or its values saved (the applicant finds their own drafts), a deposit, a move (which
 * covers complements asked and answered, and decisions), an avis, a due date recounted — inside the
 * transaction of the change (a synchronous observer, ADR 0011), so the row commits if and only if
 * the change does. Reads (views, downloads) change nothing searchable and write nothing.
 *
 * <p>One row per dossier and transaction: a move followed by a decision in the same transaction is
 * one change (the applier re-reads the dossier anyway).
 */
@ApplicationScoped
public class DossierSearchChanges {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Inject Clock clock;

  @Inject Event<ChangesCommitted> committed;

  @Resource private TransactionSynchronizationRegistry transactions;

  void on(@Observes DraftCreated e) {
    record(e);
  }

  void on(@Observes ValuesSaved e) {
    record(e);
  }

  void on(@Observes DossierDeposited e) {
    record(e);
  }

  void on(@Observes DossierMoved e) {
    record(e);
  }

  void on(@Observes AvisGiven e) {
    record(e);
  }

  void on(@Observes DueDateRecounted e) {
    record(e);
  }

  private void record(DossierDomainEvent e) {
    String id = e.dossier().id().value();
    // The dossiers recorded in this transaction, kept by the transaction itself (JTA resources).
    @SuppressWarnings("unchecked")
    Set<String> recorded = (Set<String>) transactions.getResource(DossierSearchChanges.class);
    if (recorded == null) {
      recorded = new HashSet<>();
      transactions.putResource(DossierSearchChanges.class, recorded);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // nothing: the rows are written with the change
            }

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                committed.fire(new ChangesCommitted());
              }
            }
          });
    }
    if (recorded.add(id)) {
      em.persist(new SearchChangeEntry(e.tenant().value(), id, clock.instant()));
    }
  }

  /**
   * Search changes were committed on this node: its applier need not wait for its next poll (other
   * nodes find them at theirs).
   */
  public record ChangesCommitted() {}
}
