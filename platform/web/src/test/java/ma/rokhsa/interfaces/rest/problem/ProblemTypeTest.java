package ma.rokhsa.interfaces.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @Test
  void typeUrisAreStable() {
    // Clients switch on these URIs: changing one breaks them. Add types; never rename.
    assertThat(ProblemType.NOT_FOUND.uri()).hasToString("https://rokhsa.ma/problems/not-found");
    assertThat(ProblemType.INTERNAL_ERROR.uri())
        .hasToString("https://rokhsa.ma/problems/internal-error");
    assertThat(ProblemType.MALFORMED_BODY.uri())
        .hasToString("https://rokhsa.ma/problems/malformed-body");
    assertThat(ProblemType.PROCEDURE_NOT_OFFERABLE.uri())
        .hasToString("https://rokhsa.ma/problems/procedure-not-offerable");
    assertThat(ProblemType.WRONG_PIN.uri()).hasToString("https://rokhsa.ma/problems/wrong-pin");
    assertThat(ProblemType.SIGNING_KEY_UNUSABLE.status()).isEqualTo(403);
    assertThat(ProblemType.SIGNATURE_PROVIDER_UNAVAILABLE.uri())
        .hasToString("https://rokhsa.ma/problems/signature-provider-unavailable");
    assertThat(ProblemType.forStatus(422)).isEqualTo(ProblemType.HTTP_ERROR);
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates();
  }

  @Test
  void statusWithoutSpecificTypeGetsTheGenericOne() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.BAD_REQUEST);
    assertThat(ProblemType.forStatus(414)).isEqualTo(ProblemType.URI_TOO_LONG);
    assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.HTTP_ERROR);
    assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
  }
}
