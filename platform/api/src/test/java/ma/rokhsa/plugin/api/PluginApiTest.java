package ma.rokhsa.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiTest {

  @Test
  void versionIsTheBuiltArtifactVersion() {
    assertThat(PluginApi.version()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    assertThat(PluginApi.version()).doesNotContain("${");
  }

  @Test
  void releaseVersionDropsTheQualifier() {
    assertThat(PluginApi.releaseVersion()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(PluginApi.version()).startsWith(PluginApi.releaseVersion());
  }
}
