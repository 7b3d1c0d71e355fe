package ma.rokhsa.infrastructure.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.rokhsa.domain.model.calendar.CalendarSettings;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class MoroccanHolidaysTest {

  private final MoroccanHolidays rules = new MoroccanHolidays();

  private static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  private List<Holiday> computed(int year) {
    return new MoroccanCalendar(rules, CalendarSettings.NONE).national(year);
  }

  private LocalDate first(String key, int year) {
    return rules.observances(year).stream()
        .filter(o -> o.key().equals(key))
        .findFirst()
        .orElseThrow()
        .firstDay();
  }

  @Test
  void fixedHolidaysOf2025() {
    assertThat(computed(2025))
        .filteredOn(h -> h.kind() == Holiday.Kind.FIXED)
        .extracting(Holiday::date)
        .containsExactly(
            day("2025-01-01"),
            day("2025-01-11"),
            day("2025-01-14"),
            day("2025-05-01"),
            day("2025-07-30"),
            day("2025-08-14"),
            day("2025-08-20"),
            day("2025-08-21"),
            day("2025-11-06"),
            day("2025-11-18"));
  }

  @Test
  void amazighNewYearFrom2024AndUnityDayFrom2026() {
    assertThat(computed(2023)).extracting(Holiday::date).doesNotContain(day("2023-01-14"));
    assertThat(computed(2024)).extracting(Holiday::date).contains(day("2024-01-14"));
    assertThat(computed(2025)).extracting(Holiday::date).doesNotContain(day("2025-10-31"));
    Holiday unity =
        computed(2026).stream()
            .filter(h -> h.date().equals(day("2026-10-31")))
            .findFirst()
            .orElseThrow();
    assertThat(unity.nameFr()).contains("Unité");
    assertThat(unity.nameAr()).isEqualTo("عيد الوحدة");
  }

  @Test
  void religiousHolidaysLastTheirDaysWithBothNames() {
    List<Holiday> fitr =
        computed(2025).stream().filter(h -> h.nameFr().startsWith("Aïd Al Fitr")).toList();
    assertThat(fitr)
        .extracting(Holiday::date)
        .containsExactly(day("2025-03-31"), day("2025-04-01"));
    assertThat(fitr).extracting(Holiday::kind).containsOnly(Holiday.Kind.HIJRI);
    assertThat(fitr.get(1).nameFr()).isEqualTo("Aïd Al Fitr (2e jour)");
    assertThat(fitr.get(1).nameAr()).isEqualTo("عيد الفطر (اليوم الثاني)");
    assertThat(computed(2025))
        .extracting(Holiday::date)
        .contains(
            day("2025-06-07"),
            day("2025-06-08"), // Aïd Al Adha
            day("2025-06-27"), // 1 Moharram
            day("2025-09-05"),
            day("2025-09-06")); // Aïd Al Mawlid
  }

  /**
   * The first days announced by the Ministry of Habous (sources in
   * tenant-config/calendar/holidays.yaml), against the civil Hijri computation. 12 of 15 match; the
   * three that do not are those holidays.yaml corrects.
   */
  @Test
  void computedDatesAgainstTheDatesMoroccoAnnounced() {
    Map<String, LocalDate> matching =
        Map.ofEntries(
            Map.entry("eid-al-fitr 2023", day("2023-04-22")),
            Map.entry("eid-al-fitr 2024", day("2024-04-10")),
            Map.entry("eid-al-fitr 2025", day("2025-03-31")),
            Map.entry("eid-al-adha 2018", day("2018-08-22")),
            Map.entry("eid-al-adha 2024", day("2024-06-17")),
            Map.entry("eid-al-adha 2025", day("2025-06-07")),
            Map.entry("islamic-new-year 2023", day("2023-07-19")),
            Map.entry("islamic-new-year 2025", day("2025-06-27")),
            Map.entry("mawlid 2017", day("2017-12-01")),
            Map.entry("mawlid 2024", day("2024-09-16")),
            Map.entry("mawlid 2025", day("2025-09-05")),
            Map.entry("eid-al-adha 2014", day("2014-10-05")));
    Map<String, LocalDate> offByOne =
        Map.of(
            "eid-al-fitr 2022", day("2022-05-02"),
            "islamic-new-year 2024", day("2024-07-07"),
            "mawlid 2023", day("2023-09-28"));
    List<String> wrong = new ArrayList<>();
    matching.forEach(
        (holiday, announced) -> {
          LocalDate computed = first(holiday.split(" ")[0], announced.getYear());
          if (!computed.equals(announced)) {
            wrong.add(holiday + ": computed " + computed + ", announced " + announced);
          }
        });
    assertThat(wrong).isEmpty();
    offByOne.forEach(
        (holiday, announced) -> {
          LocalDate computed = first(holiday.split(" ")[0], announced.getYear());
          assertThat(Math.abs(computed.toEpochDay() - announced.toEpochDay()))
              .as(holiday)
              .isEqualTo(1);
        });
  }

  @Test
  void aTenantsClosuresAddToTheNationalHolidays() {
    TenantId casablanca = TenantId.of("06.141.01.0");
    Holiday closure =
        new Holiday(day("2026-03-04"), "Fermeture", "إغلاق", Holiday.Kind.TENANT_CLOSURE);
    MoroccanCalendar calendar =
        new MoroccanCalendar(
            rules, new CalendarSettings(Map.of(), Map.of(casablanca, List.of(closure))));

    WorkingCalendar casa = calendar.forTenant(casablanca);
    WorkingCalendar other = calendar.forTenant(TenantId.of("06.181.01.03"));
    assertThat(casa.isWorkingDay(day("2026-03-04"))).isFalse();
    assertThat(other.isWorkingDay(day("2026-03-04"))).isTrue();
    assertThat(casa.holidays(2026)).contains(closure);
    assertThat(casa.holidays(2026)).hasSize(other.holidays(2026).size() + 1);
    assertThat(casa.holidays(2027)).doesNotContain(closure);
  }

  @Test
  void aDeadlineOverEidAlFitr2025() {
    WorkingCalendar calendar =
        new MoroccanCalendar(rules, CalendarSettings.NONE).forTenant(TenantId.of("06.141.01.0"));
    // Friday 28 March 2025 + 1 working day: the weekend, then Eid on Monday 31 and Tuesday 1 April.
    assertThat(calendar.addWorkingDays(day("2025-03-28"), 1)).isEqualTo(day("2025-04-02"));
    // 10 working days from Monday 24 March 2025.
    assertThat(calendar.addWorkingDays(day("2025-03-24"), 10)).isEqualTo(day("2025-04-09"));
  }
}
