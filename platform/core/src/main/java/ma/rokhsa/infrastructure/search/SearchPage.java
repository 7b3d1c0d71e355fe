package ma.rokhsa.infrastructure.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of results.
 *
 * @param total how many dossiers match in all (exact)
 * @param hits this page
 * @param nextCursor the cursor of the next page, empty on the last one
 * @param facets for each filter (procedure, state, phase, tenant, province, region, overdue), the
 *     count of matching dossiers per value; a filtered dimension is counted without its own filter
 *     (the other values stay selectable), always within the scope
 */
public record SearchPage(
    long total,
    List<SearchHit> hits,
    Optional<String> nextCursor,
    Map<String, Map<String, Long>> facets) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }
}
