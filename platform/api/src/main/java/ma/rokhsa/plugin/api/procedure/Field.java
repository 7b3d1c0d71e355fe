package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * A field of the form.
 *
 * @param id its id, unique in the form ({@code surface_plancher})
 * @param label what the applicant reads
 * @param type how its value is read
 * @param required whether it must be given (when it applies)
 * @param min lower bound: value for numbers, length for text
 * @param max upper bound: value for numbers, length for text
 * @param pattern a regular expression text must match entirely ({@code TF-\d+/\d+})
 * @param choices the allowed values of a {@link FieldType#CHOICE} field
 * @param when the field applies only when this holds
 */
public record Field(
    String id,
    LocalizedText label,
    FieldType type,
    boolean required,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    Optional<String> pattern,
    List<Choice> choices,
    Optional<Condition> when) {

  public Field {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    choices = List.copyOf(choices);
    if (type == FieldType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice field " + id + " needs choices");
    }
  }

  /**
   * One allowed value of a choice field.
   *
   * @param value the value stored
   * @param label what the applicant reads
   */
  public record Choice(String value, LocalizedText label) {}
}
