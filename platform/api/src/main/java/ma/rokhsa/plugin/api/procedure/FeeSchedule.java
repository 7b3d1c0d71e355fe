package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * How the fee of a dossier is computed from its form: a sum of lines, each a fixed amount plus an
 * amount per unit, each applying when its condition holds. A unit is counted one of three ways: the
 * value of a numeric field ({@code 10 MAD × surface_plancher}), the days between two date fields,
 * both included ({@code 1500 MAD per day of filming}), or the occurrences of a repeatable section
 * ({@code 200 MAD per sign}). Amounts in dirhams.
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
      items.add(new Fee.Item(line.label(), line.amount(values)));
    }
    return new Fee(items);
  }

  /**
   * One line of the schedule. At most one of {@code perUnitOf}, {@code perDayBetween} and {@code
   * perItemOf} says how units are counted; with none, the line is its fixed amount.
   *
   * @param label what it pays for
   * @param fixed a fixed amount
   * @param perUnitOf a numeric field whose value multiplies {@code perUnit}
   * @param perUnit the amount per unit
   * @param when the line applies only when this holds
   * @param perDayBetween two date fields: every day from the first to the second, both included, is
   *     a unit
   * @param perItemOf a repeatable section: each of its occurrences is a unit
   */
  public record Line(
      LocalizedText label,
      BigDecimal fixed,
      Optional<String> perUnitOf,
      BigDecimal perUnit,
      Optional<Condition> when,
      Optional<DayRange> perDayBetween,
      Optional<String> perItemOf) {

    public Line {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(fixed, "fixed");
      Objects.requireNonNull(perUnitOf, "perUnitOf");
      Objects.requireNonNull(perUnit, "perUnit");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(perDayBetween, "perDayBetween");
      Objects.requireNonNull(perItemOf, "perItemOf");
      int counts =
          (perUnitOf.isPresent() ? 1 : 0)
              + (perDayBetween.isPresent() ? 1 : 0)
              + (perItemOf.isPresent() ? 1 : 0);
      if (counts > 1) {
        throw new IllegalArgumentException(
            "a fee line counts its units one way: per-unit-of, per-day-between or per-item-of");
      }
    }

    /** A line whose units, if any, are the value of a numeric field. */
    public Line(
        LocalizedText label,
        BigDecimal fixed,
        Optional<String> perUnitOf,
        BigDecimal perUnit,
        Optional<Condition> when) {
      this(label, fixed, perUnitOf, perUnit, when, Optional.empty(), Optional.empty());
    }

    /**
     * How many units these values count: the field's value (0 when absent), the days of the range
     * (0 when a date is absent or the range ends before it starts), or the occurrences of the
     * section; 0 when the line has no unit.
     */
    public BigDecimal units(FormValues values) {
      if (perUnitOf.isPresent()) {
        return values.number(perUnitOf.get()).orElse(BigDecimal.ZERO);
      }
      if (perDayBetween.isPresent()) {
        return BigDecimal.valueOf(perDayBetween.get().days(values));
      }
      if (perItemOf.isPresent()) {
        return BigDecimal.valueOf(values.occurrences(perItemOf.get()).size());
      }
      return BigDecimal.ZERO;
    }

    /**
     * What the line amounts to for these values: {@code fixed + perUnit × units}, rounded to the
     * centime (half up). Whether it applies ({@code when}) is the schedule's concern.
     */
    public BigDecimal amount(FormValues values) {
      return fixed.add(perUnit.multiply(units(values))).setScale(2, RoundingMode.HALF_UP);
    }
  }

  /**
   * A range of days between two date fields of the form, both days included.
   *
   * @param from the field of the first day
   * @param to the field of the last day
   */
  public record DayRange(String from, String to) {

    public DayRange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) {
        throw new IllegalArgumentException("a range of days joins two different date fields");
      }
    }

    /**
     * The days from the first to the last, both included: 1 when they are the same day; 0 when a
     * date is absent or the last is before the first.
     */
    public long days(FormValues values) {
      Optional<LocalDate> first = values.date(from);
      Optional<LocalDate> last = values.date(to);
      if (first.isEmpty() || last.isEmpty() || last.get().isBefore(first.get())) {
        return 0;
      }
      return ChronoUnit.DAYS.between(first.get(), last.get()) + 1;
    }
  }
}
