package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-process measurement, not a test of speed (nothing timed is asserted): indexing rate into an
 * index on disk, then single-threaded query latency over the relevance queries. Opt-in:
 *
 * <pre>
 * ./mvnw -B -ntp -o test -pl platform/core -am -Dtest=IndexingRateMeasurement \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Drokhsa.search.measure=100000
 * </pre>
 *
 * The relevance corpus's dossiers are repeated with new ids, CINs and parcels up to the count.
 */
@EnabledIfSystemProperty(named = "rokhsa.search.measure", matches = "\\d+")
class IndexingRateMeasurement {

  @TempDir Path dir;

  @Test
  void measure() throws IOException {
    int count = Integer.parseInt(System.getProperty("rokhsa.search.measure"));
    List<CSVRecord> corpus = csv("corpus.csv");
    List<CSVRecord> queries = csv("queries.csv");
    try (LuceneDossierIndex index =
        new LuceneDossierIndex(FSDirectory.open(dir), LuceneDossierIndexTest.ZONE)) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        index.index(dossier(corpus.get(i % corpus.size()), i));
      }
      index.commit(Map.of());
      index.refresh();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(index.count()).isEqualTo(count);
      List<Double> millis = new ArrayList<>();
      java.util.TreeMap<Double, String> slowest = new java.util.TreeMap<>();
      for (int round = 0; round < 2; round++) {
        millis.clear();
        slowest.clear();
        for (CSVRecord q : queries) {
          long t = System.nanoTime();
          long total =
              index
                  .search(
                      SearchRequest.of(new SearchScope.National(), q.get("query"), LocalDate.now()))
                  .total();
          double ms = (System.nanoTime() - t) / 1e6;
          millis.add(ms);
          slowest.put(ms, q.get("query") + " (" + total + " hits)");
        }
      }
      slowest.descendingMap().entrySet().stream()
          .limit(5)
          .forEach(
              e ->
                  System.out.printf(
                      Locale.ROOT, "MEASURE slow %.1f ms %s%n", e.getKey(), e.getValue()));
      millis.sort(null);
      System.out.printf(
          Locale.ROOT,
          "MEASURE indexed %d dossiers in %.1f s: %.0f dossiers/s; %d queries (page of 20 with"
              + " snippets, facets), second pass: p50 %.1f ms, p99 %.1f ms%n",
          count,
          seconds,
          count / seconds,
          millis.size(),
          millis.get(millis.size() / 2),
          millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
    }
  }

  private static SearchableDossier dossier(CSVRecord r, int i) {
    return new SearchableDossier(
        "m" + i,
        r.get("tenant") + "-2026-" + String.format("%06d", i + 1),
        r.get("tenant"),
        r.get("province"),
        r.get("region"),
        List.of(r.get("commune_fr"), r.get("commune_ar")),
        r.get("procedure"),
        "instruction",
        Phase.OPEN,
        Instant.parse("2025-01-01T10:00:00Z").plusSeconds(60L * i),
        LocalDate.of(2026, 1, 1).plusDays(i % 400),
        Arrays.asList(r.get("names").split("\\|")),
        List.of(),
        List.of("X" + i),
        List.of(),
        List.of(),
        List.of((10_000 + i) + "/C"),
        r.get("address"),
        r.get("text"),
        List.of(),
        Set.of());
  }

  private static List<CSVRecord> csv(String name) throws IOException {
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(
                IndexingRateMeasurement.class.getResourceAsStream("/search/relevance/" + name),
                name),
            StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }
}
