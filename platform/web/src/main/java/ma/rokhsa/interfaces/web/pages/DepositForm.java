package ma.rokhsa.interfaces.web.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FieldType;
import ma.rokhsa.plugin.api.procedure.FormDefinition;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Section;
import ma.rokhsa.plugin.api.procedure.Violation;

/**
 * A procedure's form as the deposit pages show it, one section a page: the fields of a section
 * rendered from the definition (a repeatable section as numbered groups of its fields), the values
 * a posted section page gives, and which violations of the procedure's own checks belong to which
 * field. It decides nothing the procedure decides: which sections apply and what is valid come from
 * the definition and the platform's validation.
 */
final class DepositForm {

  /** The longest text kept from one field (a procedure bounds its own fields further). */
  private static final int MAX_FIELD_LENGTH = 2000;

  private DepositForm() {}

  /** The sections that apply to these values, in order. */
  static List<Section> applicable(FormDefinition form, FormValues values) {
    return form.sections().stream()
        .filter(s -> s.when().map(c -> c.holds(values)).orElse(true))
        .toList();
  }

  /** The section of this id. */
  static Optional<Section> section(FormDefinition form, String id) {
    return form.sections().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The HTML id of a field (its place in the values: {@code niveaux[1].surface_niveau}). */
  static String htmlId(String place) {
    return "field-" + place.replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("-+", "-");
  }

  /** The violations that concern this section's fields (or the section's occurrences). */
  static List<Violation> of(Section section, List<Violation> violations) {
    return violations.stream().filter(v -> belongs(section, v.field())).toList();
  }

  /** Whether a violation's place is in this section. */
  static boolean belongs(Section section, String place) {
    if (section.repeatable()) {
      return place.equals(section.id()) || place.startsWith(section.id() + "[");
    }
    return section.fields().stream().anyMatch(f -> f.id().equals(place));
  }

  /** The section a violation's place belongs to, if any. */
  static Optional<Section> sectionOf(FormDefinition form, String place) {
    return form.sections().stream().filter(s -> belongs(s, place)).findFirst();
  }

  /**
   * The form's values with this section's fields replaced by what was posted: a field left blank
   * has no value; numbers are read in either script (Arabic-Indic digits, a decimal comma), and
   * kept as typed when they are not numbers, so that the procedure's check names the field.
   *
   * @param occurrences for a repeatable section, how many groups the page posts
   */
  static Map<String, Object> merge(
      Map<String, Object> current,
      Section section,
      Function<String, String> posted,
      int occurrences) {
    Map<String, Object> values = new LinkedHashMap<>(current);
    if (section.repeatable()) {
      List<Map<String, Object>> groups = new ArrayList<>();
      for (int i = 0; i < occurrences; i++) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (Field field : section.fields()) {
          read(field, posted.apply(section.id() + "[" + i + "]." + field.id()))
              .ifPresent(v -> group.put(field.id(), v));
        }
        groups.add(group);
      }
      values.put(section.id(), groups);
    } else {
      for (Field field : section.fields()) {
        Optional<Object> value = read(field, posted.apply(field.id()));
        if (value.isPresent()) {
          values.put(field.id(), value.get());
        } else {
          values.remove(field.id());
        }
      }
    }
    return values;
  }

  private static Optional<Object> read(Field field, String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = raw.strip();
    if (text.length() > MAX_FIELD_LENGTH) {
      text = text.substring(0, MAX_FIELD_LENGTH);
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (field.type()) {
          case INTEGER, DECIMAL -> number(text).<Object>map(n -> n).orElse(text);
          case BOOLEAN ->
              text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : text;
          default -> text;
        });
  }

  /** A number typed in Latin or Arabic-Indic digits, with a point or a comma. */
  static Optional<BigDecimal> number(String text) {
    StringBuilder latin = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '\u0660' && c <= '\u0669') {
        latin.append((char) ('0' + (c - '\u0660')));
      } else if (c >= '\u06F0' && c <= '\u06F9') {
        latin.append((char) ('0' + (c - '\u06F0')));
      } else if (c == ',' || c == '\u066B') {
        latin.append('.');
      } else if (c != ' ' && c != '\u00A0' && c != '\u202F') {
        latin.append(c);
      }
    }
    try {
      return Optional.of(new BigDecimal(latin.toString()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** How a stored value is shown back in its field. */
  static String shown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** The occurrences of a repeatable section as stored. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> occurrences(Map<String, Object> values, Section section) {
    Object value = values.get(section.id());
    List<Map<String, Object>> groups = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          groups.add((Map<String, Object>) map);
        }
      }
    }
    return groups;
  }

  /** Whether a field's type is read as a number. */
  static boolean numeric(Field field) {
    return field.type() == FieldType.INTEGER || field.type() == FieldType.DECIMAL;
  }
}
