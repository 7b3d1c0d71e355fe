package ma.rokhsa.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin state a node compares with the database: equal only when nothing is to apply. */
class PluginStoreStateTest {

  static final PluginStore.State LOADED =
      new PluginStore.State(Map.of("attestation", "aa11"), Set.of("permis-de-demolir"));

  @Test
  void aNodeUpToDateSeesTheSameState() {
    assertThat(new PluginStore.State(Map.of("attestation", "aa11"), Set.of("permis-de-demolir")))
        .isEqualTo(LOADED);
  }

  @Test
  void everyKindOfChangeMakesADifference() {
    assertThat(LOADED.withArchive("attestation", "bb22")).isNotEqualTo(LOADED);
    assertThat(LOADED.withArchive("autre", "cc33")).isNotEqualTo(LOADED);
    assertThat(LOADED.withoutArchive("attestation")).isNotEqualTo(LOADED);
    assertThat(LOADED.withEnabled("permis-de-demolir", true)).isNotEqualTo(LOADED);
    assertThat(LOADED.withEnabled("attestation", false)).isNotEqualTo(LOADED);
  }

  @Test
  void applyingAChangeThenItsReverseComesBack() {
    assertThat(LOADED.withEnabled("attestation", false).withEnabled("attestation", true))
        .isEqualTo(LOADED);
    assertThat(LOADED.withArchive("autre", "cc33").withoutArchive("autre")).isEqualTo(LOADED);
    assertThat(LOADED.withArchive("attestation", "aa11")).isEqualTo(LOADED);
  }
}
