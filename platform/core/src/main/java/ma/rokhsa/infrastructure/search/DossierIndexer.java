package ma.rokhsa.infrastructure.search;

import java.util.Map;

/** Keeping the index in step with the database; used by the change applier, not by requests. */
public interface DossierIndexer {

  /** Adds or replaces a dossier's document. */
  void index(SearchableDossier dossier);

  /** Removes a dossier's document, if any. */
  void delete(String dossierId);

  /** Makes the changes so far searchable (near real time; not durable). */
  void refresh();

  /**
   * Makes the changes so far durable, with this data (the change-log cursor) in the same commit, so
   * that after a crash the index and its cursor agree.
   */
  void commit(Map<String, String> data);

  /** The data of the last durable commit (empty for a new index). */
  Map<String, String> committedData();

  /** How many dossiers the index holds (after the last refresh). */
  long count();
}
