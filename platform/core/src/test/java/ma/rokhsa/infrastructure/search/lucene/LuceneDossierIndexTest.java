package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index and its queries on a small real index in memory. */
class LuceneDossierIndexTest {

  static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  // Two communes of one province (Casablanca-Anfa), one of another region (Agadir).
  static final String ANFA = "06.141.01.01";
  static final String MAARIF = "06.141.01.03";
  static final String AGADIR = "09.001.01.01";

  private LuceneDossierIndex index;

  @BeforeEach
  void open() {
    index = new LuceneDossierIndex(new ByteBuffersDirectory(), ZONE);
    add(dossier("d1", ANFA, "Mohamed Benjelloun", "محمد بنجلون").due(TODAY.minusDays(3)));
    add(dossier("d2", ANFA, "Mehdi Bennani", "المهدي بناني").due(TODAY.plusDays(5)));
    add(dossier("d3", MAARIF, "Ahmed El Idrissi", "أحمد الإدريسي").cin("BK 123456"));
    add(dossier("d4", MAARIF, "Hamid Tazi", "حميد التازي").tf("T.F. 12345/C"));
    add(dossier("d5", AGADIR, "Mohammed Alaoui", "محمد العلوي").procedure("permis-habiter"));
    add(dossier("d6", ANFA, "Mohamed Benjelloun", "").draft().account("acc-1"));
    add(
        dossier("d7", ANFA, "Fatima Zahra Chraibi", "فاطمة الزهراء الشرايبي")
            .address("45 Bd Zerktouni")
            .text("Extension d'une villa: ajout d'un étage"));
    index.refresh();
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void theScopeIsMandatoryAndFiltersOnlyNarrowIt() {
    assertThat(ids(search(agent(ANFA), ""))).containsExactlyInAnyOrder("d1", "d2", "d7");
    assertThat(ids(search(new SearchScope.Province("06.141"), "")))
        .containsExactlyInAnyOrder("d1", "d2", "d3", "d4", "d7");
    assertThat(ids(search(new SearchScope.Region("09"), ""))).containsExactly("d5");
    assertThat(ids(search(new SearchScope.National(), ""))).hasSize(6);
    // A tenant outside the scope: empty, not an error.
    SearchRequest outside =
        SearchRequest.of(agent(ANFA), "", TODAY)
            .withFilters(Set.of(), Set.of(), Set.of(), Set.of(AGADIR), Set.of(), Set.of());
    assertThat(index.search(outside).total()).isZero();
    SearchRequest widerRegion =
        SearchRequest.of(new SearchScope.Province("06.141"), "Alaoui", TODAY)
            .withFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of("09"));
    assertThat(index.search(widerRegion).total()).isZero();
    assertThat(index.search(SearchRequest.of(new SearchScope.Tenants(Set.of()), "", TODAY)).total())
        .isZero();
  }

  @Test
  void draftsAreSeenByTheirOwnersOnly() {
    assertThat(ids(search(new SearchScope.National(), "Benjelloun"))).containsExactly("d1");
    assertThat(ids(search(agent(ANFA), "Benjelloun"))).containsExactly("d1");
    assertThat(ids(search(new SearchScope.OwnDossiers("acc-1"), "Benjelloun")))
        .containsExactly("d6");
    SearchRequest draftsAsked =
        SearchRequest.of(agent(ANFA), "", TODAY)
            .withFilters(Set.of(), Set.of(), Set.of(Phase.DRAFT), Set.of(), Set.of(), Set.of());
    assertThat(index.search(draftsAsked).total()).isZero();
  }

  @Test
  void namesAcrossScriptsAndSpellingsNearMissesBelow() {
    List<String> mohamed = ids(search(new SearchScope.National(), "Mohamed"));
    assertThat(mohamed.subList(0, 2)).containsExactlyInAnyOrder("d1", "d5");
    assertThat(mohamed.indexOf("d2")).as("Mehdi").isNotEqualTo(0).isNotEqualTo(1);
    assertThat(ids(search(new SearchScope.National(), "محمد")).subList(0, 2))
        .containsExactlyInAnyOrder("d1", "d5");
    assertThat(ids(search(new SearchScope.National(), "Ben Jelloun")).get(0)).isEqualTo("d1");
    assertThat(ids(search(new SearchScope.National(), "بنجلون")).get(0)).isEqualTo("d1");
    assertThat(ids(search(new SearchScope.National(), "Idrissi")).get(0)).isEqualTo("d3");
    assertThat(ids(search(new SearchScope.National(), "الادريسي")).get(0)).isEqualTo("d3");
    List<String> ahmed = ids(search(new SearchScope.National(), "Ahmed"));
    assertThat(ahmed.get(0)).isEqualTo("d3");
    List<String> hamid = ids(search(new SearchScope.National(), "Hamid"));
    assertThat(hamid.get(0)).isEqualTo("d4");
    // Typo tolerance on the key: one edit.
    assertThat(ids(search(new SearchScope.National(), "Benjelllon")).get(0)).isEqualTo("d1");
  }

  @Test
  void identifiersAddressesAndText() {
    assertThat(ids(search(new SearchScope.National(), "bk123456"))).containsExactly("d3");
    assertThat(ids(search(new SearchScope.National(), "12345/C"))).containsExactly("d4");
    assertThat(ids(search(new SearchScope.National(), "TF 12345/c"))).containsExactly("d4");
    assertThat(ids(search(new SearchScope.National(), "boulevard Zerktouni")))
        .containsExactly("d7");
    assertThat(ids(search(new SearchScope.National(), "étages"))).containsExactly("d7");
    assertThat(ids(search(new SearchScope.National(), ANFA + "-2026-000007")))
        .containsExactly("d7");
  }

  @Test
  void filtersFacetsAndOverdue() {
    SearchPage all = search(new SearchScope.National(), "");
    assertThat(all.facets().get("tenant")).containsEntry(ANFA, 3L).containsEntry(MAARIF, 2L);
    assertThat(all.facets().get("procedure"))
        .containsEntry("permis-construire", 5L)
        .containsEntry("permis-habiter", 1L);
    assertThat(all.facets().get("overdue")).containsEntry("true", 1L);
    SearchRequest overdue =
        SearchRequest.of(new SearchScope.National(), "", TODAY).withOverdue(true);
    assertThat(ids(index.search(overdue))).containsExactly("d1");
    SearchRequest habiter =
        SearchRequest.of(new SearchScope.National(), "", TODAY)
            .withFilters(
                Set.of("permis-habiter"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    SearchPage habiterPage = index.search(habiter);
    assertThat(ids(habiterPage)).containsExactly("d5");
    // The filtered dimension is counted without its own filter; the others with it.
    assertThat(habiterPage.total()).isEqualTo(1);
    assertThat(habiterPage.facets().get("procedure"))
        .containsEntry("permis-construire", 5L)
        .containsEntry("permis-habiter", 1L);
    assertThat(habiterPage.facets().get("tenant")).containsOnlyKeys(AGADIR);
    // Within the scope only, even for the dimension left out.
    SearchRequest anfaHabiter =
        SearchRequest.of(agent(ANFA), "", TODAY)
            .withFilters(
                Set.of("permis-habiter"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    SearchPage anfaPage = index.search(anfaHabiter);
    assertThat(anfaPage.total()).isZero();
    assertThat(anfaPage.facets().get("procedure")).containsOnly(Map.entry("permis-construire", 3L));
    SearchRequest outsideTenant =
        SearchRequest.of(agent(ANFA), "", TODAY)
            .withFilters(Set.of(), Set.of(), Set.of(), Set.of(AGADIR), Set.of(), Set.of());
    assertThat(index.search(outsideTenant).facets().get("tenant")).containsOnlyKeys(ANFA);
    SearchRequest dueSoon =
        SearchRequest.of(new SearchScope.National(), "", TODAY)
            .withDates(null, null, TODAY, TODAY.plusDays(10));
    assertThat(ids(index.search(dueSoon))).containsExactly("d2");
    SearchRequest depositedDay5 =
        SearchRequest.of(new SearchScope.National(), "", TODAY)
            .withDates(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 6), null, null);
    assertThat(ids(index.search(depositedDay5))).containsExactly("d5");
  }

  @Test
  void sortsByDueOrDepositDate() {
    SearchRequest byDue =
        SearchRequest.of(new SearchScope.National(), "", TODAY).withPage(SearchSort.DUE, null, 10);
    assertThat(ids(index.search(byDue)).subList(0, 2)).containsExactly("d1", "d2");
    SearchRequest byDeposit =
        SearchRequest.of(new SearchScope.National(), "", TODAY)
            .withPage(SearchSort.DEPOSITED, null, 10);
    assertThat(ids(index.search(byDeposit))).containsExactly("d7", "d5", "d4", "d3", "d2", "d1");
  }

  @Test
  void cursorPagesVisitEveryHitOnceInEveryOrder() {
    for (int i = 10; i < 60; i++) {
      add(dossier("p" + i, ANFA, "Mohamed Test" + i, "").due(TODAY.plusDays(i % 7)));
    }
    index.refresh();
    for (SearchSort sort : SearchSort.values()) {
      SearchRequest first = SearchRequest.of(agent(ANFA), "Mohamed", TODAY).withPage(sort, null, 7);
      long total = index.search(first).total();
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        SearchPage page = index.search(first.withPage(sort, cursor, 7));
        page.hits().forEach(h -> seen.add(h.id()));
        cursor = page.nextCursor().orElse(null);
      } while (cursor != null);
      assertThat(seen).as(sort.name()).hasSize((int) total).doesNotHaveDuplicates();
      assertThat(new HashSet<>(seen)).contains("d1", "p10", "p59");
    }
  }

  @Test
  void aForeignOrBrokenCursorIsRefused() {
    SearchRequest r = SearchRequest.of(new SearchScope.National(), "", TODAY);
    String cursor = index.search(r.withPage(SearchSort.DUE, null, 2)).nextCursor().orElseThrow();
    assertThatThrownBy(() -> index.search(r.withPage(SearchSort.DEPOSITED, cursor, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.search(r.withPage(SearchSort.DUE, "not-a-cursor!", 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hitsCarryWhatAWorkListShowsAndSnippets() {
    SearchHit hit = search(new SearchScope.National(), "boulevard Zerktouni").hits().get(0);
    assertThat(hit.reference()).isEqualTo(ANFA + "-2026-000007");
    assertThat(hit.applicant()).isEqualTo("Fatima Zahra Chraibi");
    assertThat(hit.commune()).isEqualTo("Commune " + ANFA);
    assertThat(hit.snippets().get("address")).contains("<b>Zerktouni</b>");
  }

  @Test
  void updatesReplaceAndDeletesRemoveAndTheCommitKeepsItsData() {
    add(dossier("d1", ANFA, "Karim Berrada", "").due(TODAY));
    index.delete("d2");
    index.refresh();
    assertThat(ids(search(agent(ANFA), "Benjelloun"))).isEmpty();
    assertThat(ids(search(agent(ANFA), "Berrada"))).containsExactly("d1");
    assertThat(index.count()).isEqualTo(6);
    index.commit(Map.of("cursor", "17"));
    assertThat(index.committedData()).containsEntry("cursor", "17");
  }

  // --- helpers -------------------------------------------------------------------------------

  static SearchScope agent(String tenant) {
    return new SearchScope.Tenants(Set.of(tenant));
  }

  private SearchPage search(SearchScope scope, String q) {
    return index.search(SearchRequest.of(scope, q, TODAY).withPage(SearchSort.RELEVANCE, null, 50));
  }

  static List<String> ids(SearchPage page) {
    return page.hits().stream().map(SearchHit::id).toList();
  }

  private void add(Fixture f) {
    index.index(f.build());
  }

  static Fixture dossier(String id, String tenant, String latin, String arabic) {
    return new Fixture(id, tenant, latin, arabic);
  }

  /** A dossier under construction, with plausible defaults. */
  static final class Fixture {
    final String id;
    final String tenant;
    final List<String> names = new ArrayList<>();
    String procedure = "permis-construire";
    Phase phase = Phase.OPEN;
    LocalDate due;
    final List<String> cins = new ArrayList<>();
    final List<String> tfs = new ArrayList<>();
    String address = "";
    String text = "";
    final Set<String> accounts = new HashSet<>();

    Fixture(String id, String tenant, String latin, String arabic) {
      this.id = id;
      this.tenant = tenant;
      names.add(latin);
      if (!arabic.isEmpty()) {
        names.add(arabic);
      }
    }

    Fixture due(LocalDate d) {
      due = d;
      return this;
    }

    Fixture cin(String c) {
      cins.add(c);
      return this;
    }

    Fixture tf(String t) {
      tfs.add(t);
      return this;
    }

    Fixture procedure(String p) {
      procedure = p;
      return this;
    }

    Fixture draft() {
      phase = Phase.DRAFT;
      return this;
    }

    Fixture account(String a) {
      accounts.add(a);
      return this;
    }

    Fixture address(String a) {
      address = a;
      return this;
    }

    Fixture text(String t) {
      text = t;
      return this;
    }

    SearchableDossier build() {
      int n = Integer.parseInt(id.replaceAll("\\D", ""));
      boolean draft = phase == Phase.DRAFT;
      String province = tenant.substring(0, 6);
      return new SearchableDossier(
          id,
          draft ? null : String.format("%s-2026-%06d", tenant, n),
          tenant,
          province,
          tenant.substring(0, 2),
          List.of("Commune " + tenant),
          procedure,
          draft ? "draft" : "instruction",
          phase,
          draft ? null : Instant.parse("2026-11-01T09:00:00Z").plusSeconds(86_400L * n),
          due,
          names,
          List.of(),
          cins,
          List.of(),
          List.of(),
          tfs,
          address,
          text,
          List.of(),
          accounts);
    }
  }
}
