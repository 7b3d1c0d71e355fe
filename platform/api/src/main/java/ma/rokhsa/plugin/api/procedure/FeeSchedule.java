package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * How the fee of a dossier is computed from its form: a sum of lines, each a fixed amount plus an
 * amount per unit of a numeric field ({@code 10 MAD × surface_plancher}), each applying when its
 * condition holds. Amounts in dirhams.
 *
 * @param lines the lines, in order
 */
public record FeeSchedule(List<Line> lines) {

  public FeeSchedule {
    lines = List.copyOf(lines);
  }

  public static FeeSchedule free() {
    return new FeeSchedule(List.of());
  }

  /** The fee for these values. */
  public Fee apply(FormValues values) {
    List<Fee.Item> items = new ArrayList<>();
    for (Line line : lines) {
      if (line.when().isPresent() && !line.when().get().holds(values)) {
        continue;
      }
      BigDecimal amount = line.fixed();
      if (line.perUnitOf().isPresent()) {
        BigDecimal units = values.number(line.perUnitOf().get()).orElse(BigDecimal.ZERO);
        amount = amount.add(units.multiply(line.perUnit()));
      }
      items.add(new Fee.Item(line.label(), amount.setScale(2, RoundingMode.HALF_UP)));
    }
    return new Fee(items);
  }

  /**
   * One line of the schedule.
   *
   * @param label what it pays for
   * @param fixed a fixed amount
   * @param perUnitOf a numeric field whose value multiplies {@code perUnit}
   * @param perUnit the amount per unit
   * @param when the line applies only when this holds
   */
  public record Line(
      LocalizedText label,
      BigDecimal fixed,
      Optional<String> perUnitOf,
      BigDecimal perUnit,
      Optional<Condition> when) {

    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(fixed, "fixed");
      Objects.requireNonNull(perUnit, "perUnit");
    }
  }
}
