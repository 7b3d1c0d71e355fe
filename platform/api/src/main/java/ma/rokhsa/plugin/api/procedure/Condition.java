package ma.rokhsa.plugin.api.procedure;

import java.util.Objects;

/**
 * When a section, field, document, fee line or consulted body applies: when a field has a given
 * value ({@code nature_travaux == extension}).
 *
 * @param field the field looked at
 * @param equals the value that makes the condition true (compared as text)
 */
public record Condition(String field, String equals) {

  public Condition {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(equals, "equals");
  }

  public boolean holds(FormValues values) {
    return values.text(field).map(equals::equals).orElse(false);
  }
}
