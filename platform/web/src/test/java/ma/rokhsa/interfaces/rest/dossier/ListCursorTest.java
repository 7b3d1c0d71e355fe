package ma.rokhsa.interfaces.rest.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import org.junit.jupiter.api.Test;

class ListCursorTest {

  @Test
  void aPositionSurvivesTheRoundTripToTheMicrosecond() {
    ListPosition p =
        new ListPosition(
            Instant.parse("2026-12-07T05:01:02.123456Z"),
            DossierId.of("0b6f1c2e-3a4b-4c5d-8e9f-a0b1c2d3e4f5"));
    String cursor = ListCursor.encode(p);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(ListCursor.decode(cursor)).isEqualTo(p);
  }

  @Test
  void anythingElseIs400NamingTheCursor() {
    for (String bad :
        new String[] {
          "garbage!",
          "bm90IGEgY3Vyc29y",
          Base64.getUrlEncoder()
              .encodeToString("l1\nyesterday\nx".getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder()
              .encodeToString("l2\n2026-12-07T05:01:02Z\nx".getBytes(StandardCharsets.UTF_8)),
          "A".repeat(300)
        }) {
      assertThatThrownBy(() -> ListCursor.decode(bad))
          .isInstanceOf(ParameterRefused.class)
          .satisfies(e -> assertThat(((ParameterRefused) e).parameter()).isEqualTo("cursor"));
    }
  }
}
