package ma.rokhsa.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBoundsFilterTest {

  @Test
  void namesTheQueryParameterHoldingNul() {
    assertThat(RequestBoundsFilter.parameterWithNul("subjectType=a&subjectId=%00"))
        .isEqualTo("subjectId");
    assertThat(RequestBoundsFilter.parameterWithNul("q=x%00y")).isEqualTo("q");
    assertThat(RequestBoundsFilter.parameterWithNul("q=%2500&r=1")).isNull();
    assertThat(RequestBoundsFilter.parameterWithNul(null)).isNull();
  }
}
