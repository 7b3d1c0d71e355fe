package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The relevance test set (docs/search.md): {@code search/relevance/queries.csv} over {@code
 * search/relevance/corpus.csv}, both made by {@code generate.py} from the identity of each person,
 * not from the analyzer. Measures, per kind of query and overall:
 *
 * <ul>
 *   <li>precision@10: of the first min(10, R) hits, the share that is relevant (R = the number of
 *       relevant dossiers; R-precision capped at 10, so that a query with one right answer is
 *       scored on whether it comes first);
 *   <li>recall@100: the share of the relevant dossiers among the first 100 hits;
 *   <li>success@1: the share of queries whose first hit is relevant.
 * </ul>
 *
 * Fails below the thresholds, set just under the values measured when the set was made, or if in
 * any query a near miss of its column {@code must_not_outrank} (Mehdi for Mohamed, Hamid for Ahmed,
 * in the same family) ranks above one of the relevant dossiers; the report goes to {@code
 * target/relevance-report.txt}.
 */
class RelevanceTest {

  static final double MIN_PRECISION_AT_10 = 0.97;
  static final double MIN_RECALL_AT_100 = 0.99;
  static final double MIN_SUCCESS_AT_1 = 0.97;

  @Test
  void theTestSetMeetsItsThresholds() throws IOException {
    Map<String, Double> overall;
    try (LuceneDossierIndex index =
        new LuceneDossierIndex(new ByteBuffersDirectory(), LuceneDossierIndexTest.ZONE)) {
      for (CSVRecord r : csv("corpus.csv")) {
        index.index(dossier(r));
      }
      index.refresh();
      List<CSVRecord> queries = csv("queries.csv");
      long started = System.nanoTime();
      assertThat(queries).hasSizeGreaterThanOrEqualTo(150);
      Map<String, List<double[]>> byKind = new LinkedHashMap<>();
      StringBuilder misses = new StringBuilder();
      List<String> outranked = new ArrayList<>();
      int nearMissQueries = 0;
      for (CSVRecord q : queries) {
        Set<String> relevant = new HashSet<>(Arrays.asList(q.get("relevant").split(";")));
        List<String> hits =
            index
                .search(
                    SearchRequest.of(new SearchScope.National(), q.get("query"), LocalDate.now())
                        .withPage(SearchSort.RELEVANCE, null, 100))
                .hits()
                .stream()
                .map(SearchHit::id)
                .toList();
        Set<String> nearMisses = new HashSet<>();
        if (!q.get("must_not_outrank").isEmpty()) {
          nearMisses.addAll(Arrays.asList(q.get("must_not_outrank").split(";")));
          nearMissQueries++;
          int lastRelevant = -1;
          int firstNearMiss = Integer.MAX_VALUE;
          for (int i = 0; i < hits.size(); i++) {
            if (relevant.contains(hits.get(i))) {
              lastRelevant = i;
            } else if (nearMisses.contains(hits.get(i))) {
              firstNearMiss = Math.min(firstNearMiss, i);
            }
          }
          if (firstNearMiss < lastRelevant) {
            outranked.add(q.get("qid") + " " + q.get("query") + " " + hits);
          }
        }
        int k = Math.min(10, relevant.size());
        long inTopK = hits.stream().limit(k).filter(relevant::contains).count();
        long found = hits.stream().filter(relevant::contains).count();
        double[] m = {
          (double) inTopK / k,
          (double) found / relevant.size(),
          !hits.isEmpty() && relevant.contains(hits.get(0)) ? 1 : 0
        };
        byKind.computeIfAbsent(q.get("kind"), x -> new ArrayList<>()).add(m);
        byKind.computeIfAbsent("all", x -> new ArrayList<>()).add(m);
        if (m[0] < 1 || m[1] < 1) {
          misses.append(
              String.format(
                  Locale.ROOT,
                  "%s %-14s %-40s P@10=%.2f R@100=%.2f relevant=%s top=%s%n",
                  q.get("qid"),
                  q.get("kind"),
                  q.get("query"),
                  m[0],
                  m[1],
                  relevant,
                  hits.stream().limit(k + 2).toList()));
        }
      }
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              "%-16s %7s %12s %10s %10s%n",
              "kind", "queries", "precision@10", "recall@100", "success@1"));
      overall = new LinkedHashMap<>();
      for (Map.Entry<String, List<double[]>> e : byKind.entrySet()) {
        double[] mean = new double[3];
        e.getValue()
            .forEach(
                m -> {
                  for (int i = 0; i < 3; i++) {
                    mean[i] += m[i] / e.getValue().size();
                  }
                });
        report.append(
            String.format(
                Locale.ROOT,
                "%-16s %7d %12.3f %10.3f %10.3f%n",
                e.getKey(),
                e.getValue().size(),
                mean[0],
                mean[1],
                mean[2]));
        if (e.getKey().equals("all")) {
          overall.put("p10", mean[0]);
          overall.put("r100", mean[1]);
          overall.put("s1", mean[2]);
        }
      }
      report.append(
          String.format(
              Locale.ROOT,
              "%nmean time per query, 100 hits with snippets, cold JVM included (not asserted): %.1f ms%n",
              (System.nanoTime() - started) / 1e6 / queries.size()));
      report.append(
          String.format(
              Locale.ROOT,
              "%nnear misses (Mehdi for Mohamed, Hamid for Ahmed, same family): %d queries, %d"
                  + " where one outranks a relevant dossier%n",
              nearMissQueries,
              outranked.size()));
      outranked.forEach(o -> report.append("  ").append(o).append('\n'));
      report.append("\nQueries not perfect:\n").append(misses);
      Path out = Path.of("target", "relevance-report.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
      System.out.println(report);
      assertThat(nearMissQueries).isGreaterThanOrEqualTo(10);
      assertThat(outranked).as("a near miss outranks the intended name").isEmpty();
    }
    assertThat(overall.get("p10")).as("precision@10").isGreaterThanOrEqualTo(MIN_PRECISION_AT_10);
    assertThat(overall.get("r100")).as("recall@100").isGreaterThanOrEqualTo(MIN_RECALL_AT_100);
    assertThat(overall.get("s1")).as("success@1").isGreaterThanOrEqualTo(MIN_SUCCESS_AT_1);
  }

  private static SearchableDossier dossier(CSVRecord r) {
    int n = Integer.parseInt(r.get("id").substring(1));
    return new SearchableDossier(
        r.get("id"),
        r.get("reference"),
        r.get("tenant"),
        r.get("province"),
        r.get("region"),
        List.of(r.get("commune_fr"), r.get("commune_ar")),
        r.get("procedure"),
        "instruction",
        Phase.OPEN,
        Instant.parse("2025-01-01T10:00:00Z").plusSeconds(3600L * n),
        LocalDate.of(2026, 1, 1).plusDays(n % 400),
        List.of(r.get("names").split("\\|")),
        List.of(),
        List.of(r.get("cin")),
        List.of(),
        List.of(),
        List.of(r.get("tf")),
        r.get("address"),
        r.get("text"),
        List.of(),
        Set.of());
  }

  private static List<CSVRecord> csv(String name) throws IOException {
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(
                RelevanceTest.class.getResourceAsStream("/search/relevance/" + name), name),
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
