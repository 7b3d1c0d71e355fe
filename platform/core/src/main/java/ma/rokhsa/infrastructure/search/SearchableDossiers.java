package ma.rokhsa.infrastructure.search;

import java.util.Optional;

/**
 * Reads a dossier's searchable facts as they are now in the database; empty if the dossier no
 * longer exists (its document is then deleted). Implemented by the persistence layer.
 */
@FunctionalInterface
public interface SearchableDossiers {
  Optional<SearchableDossier> find(String dossierId);
}
