package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * The form of a procedure: sections of typed fields, with the rules the platform checks by itself.
 *
 * @param sections the sections, in the order shown
 */
public record FormDefinition(List<Section> sections) {

  public FormDefinition {
    sections = List.copyOf(sections);
    Set<String> ids = new HashSet<>();
    for (Section section : sections) {
      if (!ids.add(section.id())) {
        throw new IllegalArgumentException("form id used twice: " + section.id());
      }
      for (Field field : section.fields()) {
        if (!ids.add(field.id())) {
          throw new IllegalArgumentException("form id used twice: " + field.id());
        }
      }
    }
  }

  /** Every field, in order, repeatable sections included. */
  public List<Field> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }

  /**
   * Checks the values against the declared rules: required fields, types, bounds, patterns,
   * choices, and the number of occurrences of repeatable sections. Conditions decide which sections
   * and fields apply. Returns every violation, in form order.
   */
  public List<Violation> validate(FormValues values) {
    List<Violation> violations = new ArrayList<>();
    for (Section section : sections) {
      if (section.when().isPresent() && !section.when().get().holds(values)) {
        continue;
      }
      if (section.repeatable()) {
        List<FormValues> occurrences = values.occurrences(section.id());
        if (occurrences.size() < section.minOccurs() || occurrences.size() > section.maxOccurs()) {
          violations.add(
              new Violation(
                  section.id(),
                  LocalizedText.of(
                      "entre "
                          + section.minOccurs()
                          + " et "
                          + section.maxOccurs()
                          + " éléments attendus",
                      "يجب إدخال ما بين "
                          + section.minOccurs()
                          + " و "
                          + section.maxOccurs()
                          + " عناصر")));
        }
        for (int i = 0; i < occurrences.size(); i++) {
          checkFields(section, occurrences.get(i), section.id() + "[" + i + "].", violations);
        }
      } else {
        checkFields(section, values, "", violations);
      }
    }
    return violations;
  }

  private static void checkFields(
      Section section, FormValues values, String prefix, List<Violation> violations) {
    for (Field field : section.fields()) {
      if (field.when().isPresent() && !field.when().get().holds(values)) {
        continue;
      }
      check(field, values, prefix + field.id()).ifPresent(violations::add);
    }
  }

  private static Optional<Violation> check(Field field, FormValues values, String where) {
    if (!values.has(field.id())) {
      return field.required()
          ? Optional.of(new Violation(where, LocalizedText.of("obligatoire", "إجباري")))
          : Optional.empty();
    }
    return switch (field.type()) {
      case TEXT -> checkText(field, values.text(field.id()).orElse(""), where);
      case INTEGER, DECIMAL -> checkNumber(field, values, where);
      case DATE ->
          values.date(field.id()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  new Violation(
                      where, LocalizedText.of("date attendue (AAAA-MM-JJ)", "تاريخ غير صالح")));
      case BOOLEAN ->
          values.bool(field.id()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  new Violation(where, LocalizedText.of("oui ou non attendu", "نعم أو لا")));
      case CHOICE -> {
        String value = values.text(field.id()).orElse("");
        boolean known = field.choices().stream().anyMatch(c -> c.value().equals(value));
        yield known
            ? Optional.empty()
            : Optional.of(
                new Violation(
                    where,
                    LocalizedText.of("choix inconnu : " + value, "اختيار غير معروف: " + value)));
      }
    };
  }

  private static Optional<Violation> checkText(Field field, String text, String where) {
    BigDecimal length = BigDecimal.valueOf(text.length());
    if (field.min().isPresent() && length.compareTo(field.min().get()) < 0) {
      return Optional.of(
          new Violation(
              where,
              LocalizedText.of(
                  "au moins " + field.min().get() + " caractères",
                  "على الأقل " + field.min().get() + " حرفا")));
    }
    if (field.max().isPresent() && length.compareTo(field.max().get()) > 0) {
      return Optional.of(
          new Violation(
              where,
              LocalizedText.of(
                  "au plus " + field.max().get() + " caractères",
                  "على الأكثر " + field.max().get() + " حرفا")));
    }
    if (field.pattern().isPresent()
        && !Pattern.compile(field.pattern().get()).matcher(text).matches()) {
      return Optional.of(
          new Violation(where, LocalizedText.of("format invalide", "صيغة غير صالحة")));
    }
    return Optional.empty();
  }

  private static Optional<Violation> checkNumber(Field field, FormValues values, String where) {
    Optional<BigDecimal> number = values.number(field.id());
    if (number.isEmpty()
        || (field.type() == FieldType.INTEGER && number.get().stripTrailingZeros().scale() > 0)) {
      return Optional.of(
          new Violation(
              where,
              LocalizedText.of(
                  field.type() == FieldType.INTEGER ? "nombre entier attendu" : "nombre attendu",
                  "رقم غير صالح")));
    }
    if (field.min().isPresent() && number.get().compareTo(field.min().get()) < 0) {
      return Optional.of(
          new Violation(
              where,
              LocalizedText.of(
                  "au moins " + field.min().get().toPlainString(),
                  "على الأقل " + field.min().get().toPlainString())));
    }
    if (field.max().isPresent() && number.get().compareTo(field.max().get()) > 0) {
      return Optional.of(
          new Violation(
              where,
              LocalizedText.of(
                  "au plus " + field.max().get().toPlainString(),
                  "على الأكثر " + field.max().get().toPlainString())));
    }
    return Optional.empty();
  }
}
