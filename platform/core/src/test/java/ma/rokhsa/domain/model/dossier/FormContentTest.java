package ma.rokhsa.domain.model.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormContentTest {

  @Test
  void aFieldGivenAsNullHasNoValueAndTheRulesCanReadTheRest() {
    // BadInputIT found it: {"x": null} saved as a form's values answered 500 (FormValues holds no
    // null) after the change had been audited.
    Map<String, Object> given = new HashMap<>();
    given.put("surface", 120);
    given.put("x", null);
    given.put("lots", List.of(Map.of("numero", 1)));

    FormContent content = FormContent.of(given);

    assertThat(content.asMap()).containsOnlyKeys("surface", "lots");
    assertThat(content.values().has("x")).isFalse();
    assertThat(content.values().text("surface")).contains("120");
  }

  @Test
  void noValuesAtAll() {
    assertThat(FormContent.of(null).asMap()).isEmpty();
    assertThat(FormContent.of(null).values().values()).isEmpty();
  }
}
