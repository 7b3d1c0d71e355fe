package ma.rokhsa.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.junit.jupiter.api.Test;

/**
 * The vendor example's autorisation de tournage ({@code docs/examples/vendor-plugin}), whose
 * definition uses every feature of the format added for it, judged by the testkit's contract and
 * its runner in this build (the example's own build does the same against the published artifacts).
 */
class TournageExampleContractTest extends ProcedureContract {

  private static final Path EXAMPLE = Path.of("../../docs/examples/vendor-plugin/src");

  @Override
  protected ProcedureProvider provider() {
    return new ProcedureProvider() {
      @Override
      public ProcedureDefinition definition(DefinitionLoader loader) {
        return new YamlDefinitionLoader(loaderOf("main/resources")).load("tournage/procedure.yaml");
      }
    };
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(loaderOf("test/resources"), "tournage/examples.yaml");
  }

  private static ClassLoader loaderOf(String directory) {
    try {
      return new URLClassLoader(new URL[] {EXAMPLE.resolve(directory).toUri().toURL()}, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FormValues example(String name) {
    return examples().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow()
        .values();
  }

  @Test
  void theRunnerConsultsChargesAndRendersByTheDossiersValues() {
    FormValues serie = example("série tournée trois jours en deux lieux, rue fermée");
    FormValues pub = example("publicité d'un jour dans un jardin, sans fermeture");

    assertThat(runner().consultedBodies(serie))
        .extracting(Workflow.ConsultedBody::id)
        .containsExactly("autorite-locale", "surete-nationale");
    assertThat(runner().consultedBodies(pub))
        .extracting(Workflow.ConsultedBody::id)
        .containsExactly("autorite-locale");

    assertThat(runner().fee(serie).items())
        .extracting(item -> item.label().fr(), item -> item.amount().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Frais de dossier", "200.00"),
            org.assertj.core.groups.Tuple.tuple("Redevance par jour de tournage", "3000.00"),
            org.assertj.core.groups.Tuple.tuple("Redevance par lieu de tournage", "600.00"),
            org.assertj.core.groups.Tuple.tuple("Occupation de la voie fermée", "500.00"));
    assertThat(runner().fee(pub).total()).isEqualByComparingTo("1500.00");

    assertThat(runner().render("fr", serie))
        .contains("(série) du 2026-12-14 au\n2026-12-16, aux lieux suivants :\n")
        .contains("- Rue Tahar Sebti, Casablanca (rue)\n- Place Mohammed V, Casablanca (place");
    assertThat(runner().render("ar", pub))
        .contains("(فيلم إشهاري)")
        .contains("- Parc de la Ligue arabe, Casablanca (حديقة عمومية)\n");
  }
}
