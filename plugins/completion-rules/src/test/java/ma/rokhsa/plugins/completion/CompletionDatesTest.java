package ma.rokhsa.plugins.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.junit.jupiter.api.Test;

class CompletionDatesTest {

  private static final LocalDate FIRST_OF_JUNE = LocalDate.of(2026, 6, 1);
  private static final LocalizedText BEFORE_RECEPTION =
      LocalizedText.of("pas avant la réception provisoire", "ليس قبل التسلم المؤقت");
  private final CompletionDates rules = new CompletionDates(BEFORE_RECEPTION);

  private static FormValues dates(String... fieldsAndDates) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < fieldsAndDates.length; i += 2) {
      values.put(fieldsAndDates[i], fieldsAndDates[i + 1]);
    }
    return FormValues.of(values);
  }

  private List<String> wrong(FormValues values) {
    return rules.check(values, FIRST_OF_JUNE).stream().map(Violation::field).toList();
  }

  @Test
  void worksCanBeDeclaredCompletedTodayButNotTomorrow() {
    assertThat(
            wrong(dates("date_permis_construire", "2025-01-10", "date_achevement", "2026-06-01")))
        .isEmpty();
    assertThat(
            wrong(dates("date_permis_construire", "2025-01-10", "date_achevement", "2026-06-02")))
        .containsExactly("date_achevement");
  }

  @Test
  void worksCannotBeCompletedBeforeTheBuildingPermit() {
    assertThat(
            wrong(dates("date_permis_construire", "2025-01-10", "date_achevement", "2025-01-09")))
        .containsExactly("date_achevement");
    assertThat(
            wrong(dates("date_permis_construire", "2025-01-10", "date_achevement", "2025-01-10")))
        .as("completed the day the building permit was delivered")
        .isEmpty();
  }

  @Test
  void aBuildingPermitFromTheFutureIsRefused() {
    assertThat(
            wrong(dates("date_permis_construire", "2026-07-01", "date_achevement", "2026-05-01")))
        .containsExactly("date_permis_construire", "date_achevement");
  }

  @Test
  void aLotisseursBuildingWaitsForTheProvisionalReception() {
    FormValues notYet =
        dates("construit_par_lotisseur", "true", "date_reception_provisoire", "2026-06-15");
    FormValues held =
        dates("construit_par_lotisseur", "true", "date_reception_provisoire", "2026-05-15");
    FormValues notALotisseur =
        dates("construit_par_lotisseur", "false", "date_reception_provisoire", "2026-06-15");

    assertThat(rules.check(notYet, FIRST_OF_JUNE))
        .containsExactly(new Violation("date_reception_provisoire", BEFORE_RECEPTION));
    assertThat(wrong(held)).isEmpty();
    assertThat(wrong(notALotisseur)).isEmpty();
  }

  @Test
  void missingOrMalformedDatesAreLeftToTheFormsOwnRules() {
    assertThat(wrong(dates("date_achevement", "2026-06-02")))
        .as("no permit date: only the future completion")
        .containsExactly("date_achevement");
    assertThat(wrong(dates("date_permis_construire", "hier", "date_achevement", "2025-01-01")))
        .isEmpty();
  }
}
