package ma.rokhsa.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.FormValues;
import org.junit.jupiter.api.Test;

class ExampleDossierTest {

  private final ClassLoader classLoader = getClass().getClassLoader();

  @Test
  void examplesAreReadFromYamlAsAFormSendsThem() {
    List<ExampleDossier> examples = ExampleDossier.read(classLoader, "sample/examples.yaml");

    assertThat(examples)
        .extracting(ExampleDossier::name)
        .containsExactly(
            "terrasse de café",
            "restaurant sans installation",
            "surface nulle",
            "registre de commerce mal écrit",
            "parasol sans dire s'il se démonte",
            "trop de tables pour la surface");
    ExampleDossier terrasse = examples.get(0);
    assertThat(terrasse.valid()).isTrue();
    assertThat(terrasse.violations()).isEmpty();
    FormValues values = terrasse.values();
    assertThat(values.values())
        .containsEntry("surface", "24.5")
        .containsEntry("debut", "2026-04-01");
    assertThat(values.number("surface")).contains(new BigDecimal("24.5"));
    assertThat(values.occurrences("installations")).hasSize(2);
    assertThat(values.occurrences("installations").get(1).bool("demontable")).contains(true);
    assertThat(examples.get(4).valid()).isFalse();
    assertThat(examples.get(4).violations()).containsExactly("installations[0].demontable");
  }

  @Test
  void everyProblemOfAnExamplesFileIsReportedWithItsLine() {
    assertThatThrownBy(() -> ExampleDossier.read(classLoader, "broken/examples.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            """
            the examples are not valid:
              broken/examples.yaml:1: an example says whether it is 'valid: true' or 'valid: false'
              broken/examples.yaml:5: a valid example has no 'violations'
              broken/examples.yaml:8: 'valid' must be true or false, not 'oui'
              broken/examples.yaml:10: 'surface' must be a single value, or a list of {field: value}\
             for a repeatable section
              broken/examples.yaml:11: example 'valeurs imbriquées' is given twice
              broken/examples.yaml:13: unknown key 'commentaire' (expected one of: name, valid,\
             violations, values)""");
  }

  @Test
  void aMissingExamplesFileIsReported() {
    assertThatThrownBy(() -> ExampleDossier.read(classLoader, "nowhere/examples.yaml"))
        .hasMessageContaining("nowhere/examples.yaml: not found");
  }

  @Test
  void examplesWrittenInCodeSayWhatTheyExpect() {
    ExampleDossier invalid = ExampleDossier.invalid("vide", Map.of(), "surface", "duree_mois");

    assertThat(invalid.valid()).isFalse();
    assertThat(invalid.violations()).containsExactlyInAnyOrder("surface", "duree_mois");
    assertThat(ExampleDossier.valid("vide", Map.of()).violations()).isEmpty();
    assertThatThrownBy(
            () -> new ExampleDossier("vide", FormValues.of(Map.of()), true, java.util.Set.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
