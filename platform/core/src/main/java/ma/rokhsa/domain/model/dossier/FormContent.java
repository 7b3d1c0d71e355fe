package ma.rokhsa.domain.model.dossier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.rokhsa.plugin.api.procedure.FormValues;

/**
 * The values of a dossier's form, as the applicant gave them: read from the database once when the
 * dossier is loaded (the column holds them as JSON, see the persistence layer's converter), and
 * handed to the rules as {@link FormValues}. Immutable: new values replace the whole.
 */
public final class FormContent {

  private final Map<String, Object> values;
  private FormValues read;

  private FormContent(Map<String, Object> values) {
    // A field given as JSON null has no value: it is left out, as the stored JSON always did (and
    // FormValues, like Map.copyOf, holds no null).
    Map<String, Object> given = new LinkedHashMap<>();
    values.forEach(
        (field, value) -> {
          if (value != null) {
            given.put(field, value);
          }
        });
    this.values = Collections.unmodifiableMap(given);
  }

  /** The values given; none when {@code null}. */
  public static FormContent of(Map<String, Object> values) {
    return new FormContent(values == null ? Map.of() : values);
  }

  public static FormContent empty() {
    return new FormContent(Map.of());
  }

  /** The values by field id, in the order given. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The values as the procedure's rules and the plugins read them. */
  public FormValues values() {
    if (read == null) {
      read = FormValues.of(values);
    }
    return read;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FormContent f && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "FormContent" + values.keySet();
  }
}
