package ma.rokhsa.infrastructure.search.changes;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.infrastructure.search.DossierIndexer;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import ma.rokhsa.infrastructure.search.SearchableDossiers;

/**
 * One node's loop body (ADR 0020): reads the change log after the node's cursor, re-reads each
 * changed dossier, indexes or deletes it, and makes it searchable; {@link #checkpoint()} makes the
 * index and the cursor durable in one Lucene commit. The cursor starts from the index's last
 * commit, so a restart replays what was applied but not committed (harmless: applying re-reads).
 *
 * <p>Not thread-safe by design: one scheduled task per node calls it (the wiring, with the
 * container's scheduled executor, polls every few hundred milliseconds and checkpoints every few
 * seconds).
 */
public final class SearchChangeApplier {

  private final SearchChangeLog log;
  private final DossierIndexer index;
  private final SearchableDossiers dossiers;
  private final Clock clock;
  private final int batchSize;
  private ChangeCursor cursor;

  public SearchChangeApplier(
      SearchChangeLog log,
      DossierIndexer index,
      SearchableDossiers dossiers,
      Clock clock,
      int batchSize) {
    this.log = Objects.requireNonNull(log, "log");
    this.index = Objects.requireNonNull(index, "index");
    this.dossiers = Objects.requireNonNull(dossiers, "dossiers");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize " + batchSize);
    }
    this.batchSize = batchSize;
    String committed = index.committedData().get(SearchChangeLog.CURSOR_KEY);
    this.cursor = committed == null ? ChangeCursor.START : ChangeCursor.decode(committed);
  }

  /**
   * Applies the changes committed since the last call (up to one batch above the high-water mark,
   * plus any gaps that filled) and refreshes the searcher.
   *
   * @return how many dossiers were re-indexed or deleted
   */
  public int applyPending() throws SQLException {
    SearchChangeLog.Batch batch = log.read(cursor, batchSize, clock.instant());
    Set<String> changed = new LinkedHashSet<>();
    batch.changes().forEach(c -> changed.add(c.dossierId()));
    for (String id : changed) {
      Optional<SearchableDossier> now = dossiers.find(id);
      if (now.isPresent()) {
        index.index(now.get());
      } else {
        index.delete(id);
      }
    }
    if (!changed.isEmpty()) {
      index.refresh();
    }
    cursor = batch.next();
    return changed.size();
  }

  /** Commits the index with the cursor of what it holds. */
  public void checkpoint() {
    index.commit(SearchChangeLog.commitData(cursor));
  }

  /** Where this node is in the log. */
  public ChangeCursor cursor() {
    return cursor;
  }
}
