package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a dossier's form, as the applicant gave them: field id → value (text, number,
 * boolean), and section id → list of values for repeatable sections. Read-only.
 *
 * @param values the raw values
 */
public record FormValues(Map<String, Object> values) {

  public FormValues {
    values = Map.copyOf(values);
  }

  public static FormValues of(Map<String, Object> values) {
    return new FormValues(values);
  }

  public boolean has(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** The value as text, whatever its type. */
  public Optional<String> text(String field) {
    Object value = values.get(field);
    if (value == null || value instanceof List<?> || value instanceof Map<?, ?>) {
      return Optional.empty();
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  /** The value as a number; empty if absent or not a number. */
  public Optional<BigDecimal> number(String field) {
    Object value = values.get(field);
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (value instanceof Number n) {
      return Optional.of(new BigDecimal(n.toString()));
    }
    return text(field).flatMap(FormValues::parseNumber);
  }

  public Optional<Boolean> bool(String field) {
    Object value = values.get(field);
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    return text(field)
        .filter(t -> t.equals("true") || t.equals("false"))
        .map(Boolean::parseBoolean);
  }

  public Optional<LocalDate> date(String field) {
    return text(field)
        .flatMap(
            t -> {
              try {
                return Optional.of(LocalDate.parse(t));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  /** The occurrences of a repeatable section, each with its own values. */
  public List<FormValues> occurrences(String section) {
    Object value = values.get(section);
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(item -> toValues((Map<?, ?>) item))
        .toList();
  }

  private static FormValues toValues(Map<?, ?> map) {
    java.util.HashMap<String, Object> copy = new java.util.HashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(String.valueOf(k), v);
          }
        });
    return new FormValues(copy);
  }

  private static Optional<BigDecimal> parseNumber(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
