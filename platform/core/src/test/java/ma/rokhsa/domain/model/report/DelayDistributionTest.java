package ma.rokhsa.domain.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.report.AdministrationTime.Stay;
import org.junit.jupiter.api.Test;

class DelayDistributionTest {

  private static final WorkingCalendar WEEKDAYS = new HolidayCalendar(year -> List.of());

  @Test
  void percentilesAreByNearestRank() {
    DelayDistribution d = new DelayDistribution();
    assertThat(d.median()).isEqualTo(OptionalInt.empty());
    for (int days : new int[] {30, 4, 10, 5, 14}) {
      d.add(days);
    }
    assertThat(d.median()).hasValue(10);
    assertThat(d.percentile(90)).hasValue(30);
    assertThat(d.percentile(20)).hasValue(4);
    d.add(1);
    // six delays 1 4 5 10 14 30: the median is the lower middle one, the 90th the sixth
    assertThat(d.median()).hasValue(5);
    assertThat(d.percentile(90)).hasValue(30);
    assertThat(d.percentile(80)).hasValue(14);
    for (int i = 0; i < 14; i++) {
      d.add(2);
    }
    // twenty: 1, fourteen 2s, 4, 5, 10, 14, 30: the 90th percentile is the 18th
    assertThat(d.count()).isEqualTo(20);
    assertThat(d.percentile(90)).hasValue(10);
    assertThat(d.median()).hasValue(2);
  }

  @Test
  void theApplicantsStaysAreCountedOnceWithinThePeriod() {
    LocalDate monday = LocalDate.parse("2026-03-02");
    LocalDate friday13 = LocalDate.parse("2026-03-13");
    assertThat(AdministrationTime.workingDays(monday, friday13, List.of(), WEEKDAYS)).isEqualTo(9);
    Stay wednesdays = new Stay(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-11"));
    assertThat(AdministrationTime.workingDays(monday, friday13, List.of(wednesdays), WEEKDAYS))
        .isEqualTo(4);
    Stay overlapping = new Stay(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-20"));
    // merged: Wednesday 4 to Friday 13 (clipped) = 7 working days waited
    assertThat(
            AdministrationTime.workingDays(
                monday, friday13, List.of(overlapping, wednesdays), WEEKDAYS))
        .isEqualTo(2);
    assertThat(AdministrationTime.workingDays(friday13, monday, List.of(), WEEKDAYS)).isZero();
  }
}
