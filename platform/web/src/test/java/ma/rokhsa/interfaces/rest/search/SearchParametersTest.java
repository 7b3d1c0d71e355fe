package ma.rokhsa.interfaces.rest.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

  static final SearchScope SCOPE = new SearchScope.Tenants(Set.of("06.181.01.05"));
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static SearchParameters.Raw raw(
      String q,
      List<String> state,
      List<String> tenant,
      String from,
      String overdue,
      String sort,
      String cursor,
      String size) {
    return new SearchParameters.Raw(
        q,
        List.of(),
        state,
        List.of("open"),
        tenant,
        null,
        null,
        from,
        null,
        null,
        null,
        overdue,
        sort,
        cursor,
        size);
  }

  @Test
  void theScopeIsTheServersAndParametersOnlyNarrowIt() {
    SearchRequest r =
        SearchParameters.parse(
            raw(
                " Benjelloun ",
                List.of("depose,instruction", "depose"),
                List.of("06.181.03.01"),
                "2026-01-01",
                "true",
                "due",
                null,
                "50"),
            SCOPE,
            TODAY);
    assertThat(r.scope()).isEqualTo(SCOPE);
    assertThat(r.q()).isEqualTo("Benjelloun");
    assertThat(r.states()).containsExactlyInAnyOrder("depose", "instruction");
    assertThat(r.phases()).containsExactly(Phase.OPEN);
    assertThat(r.tenants()).containsExactly("06.181.03.01");
    assertThat(r.depositedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(r.overdue()).isTrue();
    assertThat(r.sort()).isEqualTo(SearchSort.DUE);
    assertThat(r.size()).isEqualTo(50);
    assertThat(r.today()).isEqualTo(TODAY);
  }

  @Test
  void defaultsAreRelevanceTwentyAndNoFilter() {
    SearchRequest r =
        SearchParameters.parse(raw(null, null, null, null, null, null, "", null), SCOPE, TODAY);
    assertThat(r.q()).isEmpty();
    assertThat(r.sort()).isEqualTo(SearchSort.RELEVANCE);
    assertThat(r.size()).isEqualTo(20);
    assertThat(r.cursor()).isNull();
    assertThat(r.overdue()).isNull();
    assertThat(r.states()).isEmpty();
  }

  @Test
  void badValuesAreRefusedNamingTheParameter() {
    assertBad(raw(null, null, null, "2026-13-01", null, null, null, null), "depositedFrom");
    assertBad(raw(null, null, null, null, "yes", null, null, null), "overdue");
    assertBad(raw(null, null, null, null, null, "sideways", null, null), "sort");
    assertBad(raw(null, null, null, null, null, null, "a b", null), "cursor");
    assertBad(raw(null, null, null, null, null, null, null, "0"), "size");
    assertBad(raw(null, null, null, null, null, null, null, "101"), "size");
    assertBad(raw(null, null, null, null, null, null, null, "ten"), "size");
    assertBad(raw("x".repeat(501), null, null, null, null, null, null, null), "q");
    assertBad(raw(null, List.of("dé posé"), null, null, null, null, null, null), "state");
    assertBad(raw(null, null, List.of("'; drop"), null, null, null, null, null), "tenant");
    assertBad(
        new SearchParameters.Raw(
            null,
            null,
            null,
            List.of("SEALED"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "phase");
  }

  private static void assertBad(SearchParameters.Raw raw, String parameter) {
    assertThatThrownBy(() -> SearchParameters.parse(raw, SCOPE, TODAY))
        .isInstanceOf(ParameterRefused.class)
        .satisfies(e -> assertThat(((ParameterRefused) e).parameter()).isEqualTo(parameter));
  }
}
