package ma.rokhsa.interfaces.rest.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.Condition;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FormDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Section;

/**
 * A procedure as listed: what it is, which plugin offers it, and what it costs.
 *
 * @param id its id
 * @param version the version of its rules
 * @param nameFr name in French
 * @param nameAr name in Arabic
 * @param tenantKinds kinds of tenant that may offer it
 * @param plugin the plugin that offers it
 * @param pluginVersion that plugin's version
 * @param consultedBodies the bodies whose avis may be asked (some only on some dossiers)
 * @param fees the lines of its fee schedule, in dirhams; empty for a free procedure (a plugin may
 *     still compute the fee in code)
 */
public record ProcedureRepresentation(
    String id,
    String version,
    String nameFr,
    String nameAr,
    List<String> tenantKinds,
    String plugin,
    String pluginVersion,
    List<String> consultedBodies,
    List<FeeLine> fees) {

  public static ProcedureRepresentation of(OfferedProcedure offered) {
    ProcedureDefinition d = offered.definition();
    return new ProcedureRepresentation(
        d.id(),
        d.version(),
        d.name().fr(),
        d.name().ar(),
        d.tenantKinds().stream().sorted().toList(),
        offered.pluginId(),
        offered.pluginVersion(),
        d.workflow().consultedBodies().stream().map(b -> b.id()).toList(),
        d.fees().lines().stream().map(line -> FeeLine.of(line, d.form())).toList());
  }

  /**
   * One line of a fee schedule: {@code fixed + perUnit × units}, where units are counted as {@code
   * per} says.
   *
   * @param label what it pays for
   * @param fixed the fixed amount
   * @param perUnit the amount per unit
   * @param per how units are counted: {@code VALUE} (of a number field), {@code DAY} (each day from
   *     a date field to another, both included), {@code ITEM} (each occurrence of a repeatable
   *     section); {@code null} when the line is its fixed amount
   * @param of the ids counted: the number field, the two date fields, or the section
   * @param unit the labels of what is counted, French and Arabic
   * @param when the line applies only when this field has this value
   */
  public record FeeLine(
      LocalizedText label,
      BigDecimal fixed,
      BigDecimal perUnit,
      String per,
      List<String> of,
      LocalizedText unit,
      Condition when) {

    static FeeLine of(FeeSchedule.Line line, FormDefinition form) {
      String per = null;
      List<String> of = List.of();
      if (line.perUnitOf().isPresent()) {
        per = "VALUE";
        of = List.of(line.perUnitOf().get());
      } else if (line.perDayBetween().isPresent()) {
        per = "DAY";
        of = List.of(line.perDayBetween().get().from(), line.perDayBetween().get().to());
      } else if (line.perItemOf().isPresent()) {
        per = "ITEM";
        of = List.of(line.perItemOf().get());
      }
      List<LocalizedText> labels = of.stream().map(id -> labelOf(id, form)).toList();
      LocalizedText unit =
          labels.isEmpty()
              ? null
              : LocalizedText.of(
                  String.join(" – ", labels.stream().map(LocalizedText::fr).toList()),
                  String.join(" – ", labels.stream().map(LocalizedText::ar).toList()));
      return new FeeLine(
          line.label(), line.fixed(), line.perUnit(), per, of, unit, line.when().orElse(null));
    }

    private static LocalizedText labelOf(String id, FormDefinition form) {
      Optional<LocalizedText> section =
          form.sections().stream().filter(s -> s.id().equals(id)).map(Section::label).findFirst();
      return section
          .or(
              () ->
                  form.fields().stream()
                      .filter(f -> f.id().equals(id))
                      .map(Field::label)
                      .findFirst())
          .orElse(LocalizedText.of(id, id));
    }
  }
}
