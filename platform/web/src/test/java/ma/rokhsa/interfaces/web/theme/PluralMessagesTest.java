package ma.rokhsa.interfaces.web.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counts read in each language's plural forms, from the shipped messages: French's one and other (0
 * and 1 are singular), Arabic's six (zero, one, two, few for 3-10, many for 11-99, other for 100
 * and above), with the theme's digits.
 */
class PluralMessagesTest {

  private final Themes themes =
      new Themes(
          Path.of("../../themes").toAbsolutePath().normalize(),
          "base",
          Duration.ofSeconds(10),
          Clock.systemUTC());

  private final Messages french = themes.chain("base").messages(Language.FR);
  private final Messages arabic = themes.chain("base").messages(Language.AR);
  private final Messages arabicDigits = themes.chain("casablanca-settat").messages(Language.AR);

  @Test
  void theWorkingDaysLeftReadInFrench() {
    assertEach(
        french,
        "agent.clock.left",
        counts(
            "0 jour ouvrable restant",
            "1 jour ouvrable restant",
            "2 jours ouvrables restants",
            "3 jours ouvrables restants",
            "11 jours ouvrables restants",
            "100 jours ouvrables restants"));
    assertEach(
        french,
        "agent.clock.late",
        counts(
            "En retard de 0 jour ouvrable",
            "En retard de 1 jour ouvrable",
            "En retard de 2 jours ouvrables",
            "En retard de 3 jours ouvrables",
            "En retard de 11 jours ouvrables",
            "En retard de 100 jours ouvrables"));
  }

  @Test
  void theWorkingDaysLeftReadInArabicsSixForms() {
    assertEach(
        arabicDigits,
        "agent.clock.left",
        counts(
            "لا يتبقى أي يوم عمل",
            "يتبقى يوم عمل واحد",
            "يتبقى يوما عمل",
            "يتبقى ٣ أيام عمل",
            "يتبقى ١١ يوم عمل",
            "يتبقى ١٠٠ يوم عمل"));
    assertEach(
        arabicDigits,
        "agent.clock.late",
        counts(
            "متأخر بأقل من يوم عمل",
            "متأخر بيوم عمل واحد",
            "متأخر بيومي عمل",
            "متأخر بـ ٣ أيام عمل",
            "متأخر بـ ١١ يوم عمل",
            "متأخر بـ ١٠٠ يوم عمل"));
    // The forms follow the number, not its last digits alone: 103 is "few", 111 "many".
    assertThat(arabicDigits.text("agent.clock.left", 103)).isEqualTo("يتبقى ١٠٣ أيام عمل");
    assertThat(arabicDigits.text("agent.clock.left", 111)).isEqualTo("يتبقى ١١١ يوم عمل");
    // A theme with Latin digits writes the count in them.
    assertThat(arabic.text("agent.clock.left", 3)).isEqualTo("يتبقى 3 أيام عمل");
  }

  @Test
  void theLegalDeadlinesAndTheFilesAllowedReadInBothLanguages() {
    assertEach(
        french,
        "procedure.deadline.days",
        counts(
            "0 jour ouvrable",
            "1 jour ouvrable",
            "2 jours ouvrables",
            "3 jours ouvrables",
            "11 jours ouvrables",
            "100 jours ouvrables"));
    assertEach(
        arabicDigits,
        "procedure.deadline.days",
        counts("٠ يوم عمل", "يوم عمل واحد", "يوما عمل", "٣ أيام عمل", "١١ يوم عمل", "١٠٠ يوم عمل"));
    assertThat(french.text("procedure.document.format", "PDF", "20", 1))
        .isEqualTo("Format PDF, 20 Mo au plus, 1 fichier au plus");
    assertThat(french.text("procedure.document.format", "PDF", "20", 3))
        .isEqualTo("Format PDF, 20 Mo au plus, 3 fichiers au plus");
    assertThat(arabicDigits.text("procedure.document.format", "PDF", "٢٠", 1))
        .isEqualTo("الصيغة PDF، ٢٠ ميغابايت على الأكثر، ملف واحد على الأكثر");
    assertThat(arabicDigits.text("procedure.document.format", "PDF", "٢٠", 2))
        .isEqualTo("الصيغة PDF، ٢٠ ميغابايت على الأكثر، ملفان على الأكثر");
    assertThat(arabicDigits.text("procedure.document.format", "PDF", "٢٠", 5))
        .isEqualTo("الصيغة PDF، ٢٠ ميغابايت على الأكثر، ٥ ملفات على الأكثر");
  }

  @Test
  void aTextWithoutCountKeepsItsApostrophesAndItsParameters() {
    assertThat(french.text("dossier.complements.answer", "J'ai joint le plan {corrigé}"))
        .isEqualTo("Votre réponse : J'ai joint le plan {corrigé}");
  }

  /** The texts of 0, 1, 2, 3, 11 and 100. */
  private static Map<Integer, String> counts(String... texts) {
    int[] numbers = {0, 1, 2, 3, 11, 100};
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < numbers.length; i++) {
      expected.put(numbers[i], texts[i]);
    }
    return expected;
  }

  private static void assertEach(Messages messages, String key, Map<Integer, String> expected) {
    expected.forEach(
        (count, text) ->
            assertThat(messages.text(key, count)).as(key + " " + count).isEqualTo(text));
  }
}
