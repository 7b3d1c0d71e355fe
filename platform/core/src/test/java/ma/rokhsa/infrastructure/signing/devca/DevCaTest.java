package ma.rokhsa.infrastructure.signing.devca;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevCaTest {

  @Test
  void theDevelopmentCaRefusesToStartOutsideDemoMode() {
    assertThatThrownBy(() -> DevCa.requireDemoMode(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo mode only")
        .hasMessageContaining("rokhsa.signing.trust-anchors");
    assertThatCode(() -> DevCa.requireDemoMode(true)).doesNotThrowAnyException();
  }
}
