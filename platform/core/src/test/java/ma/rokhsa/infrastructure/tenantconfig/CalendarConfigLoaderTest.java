package ma.rokhsa.infrastructure.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ma.rokhsa.domain.model.calendar.CalendarSettings;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.calendar.MoroccanCalendar;
import ma.rokhsa.infrastructure.calendar.MoroccanHolidays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarConfigLoaderTest {

  static final TenantId CASABLANCA = TenantId.of("06.141.01.0");
  static final Set<TenantId> TENANTS = Set.of(CASABLANCA, TenantId.of("06.181.01.03"));
  static final MoroccanHolidays RULES = new MoroccanHolidays();

  @TempDir Path dir;

  private static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  private void write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }

  private CalendarSettings load() {
    return CalendarConfigLoader.load(dir, TENANTS, RULES);
  }

  private WorkingCalendar casablanca() {
    return new MoroccanCalendar(RULES, load()).forTenant(CASABLANCA);
  }

  private List<ConfigProblem> problems() {
    try {
      load();
    } catch (TenantConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration was accepted");
  }

  @Test
  void noCalendarDirectoryMeansTheComputedHolidays() {
    assertThat(load()).isEqualTo(CalendarSettings.NONE);
    assertThat(casablanca().isWorkingDay(day("2026-03-20"))).isFalse(); // computed Eid al-Fitr
  }

  @Test
  void anAnnouncedDateMovesTheWholeHoliday() throws IOException {
    write(
        "calendar/holidays.yaml",
        """
        years:
          2026:
            announced:
              eid-al-fitr: 2026-03-21
        """);
    WorkingCalendar calendar = casablanca();

    assertThat(calendar.isWorkingDay(day("2026-03-20"))).isTrue(); // computed, not announced
    List<Holiday> fitr =
        calendar.holidays(2026).stream().filter(h -> h.nameFr().startsWith("Aïd Al Fitr")).toList();
    assertThat(fitr)
        .extracting(Holiday::date)
        .containsExactly(day("2026-03-21"), day("2026-03-22"));
    assertThat(fitr).extracting(Holiday::kind).containsOnly(Holiday.Kind.OVERRIDE);
    // Thursday 19 March + 1 working day is now Friday 20 March.
    assertThat(calendar.addWorkingDays(day("2026-03-19"), 1)).isEqualTo(day("2026-03-20"));
  }

  @Test
  void holidaysAreAddedAndRemoved() throws IOException {
    write(
        "calendar/holidays.yaml",
        """
        years:
          2026:
            added:
              - date: 2026-03-23
                name-fr: Jour férié exceptionnel
                name-ar: عطلة استثنائية
            removed: [mawlid, 2026-05-28]
        """);
    WorkingCalendar calendar = casablanca();

    assertThat(calendar.isWorkingDay(day("2026-03-23"))).isFalse();
    assertThat(calendar.holidays(2026))
        .filteredOn(h -> h.date().equals(day("2026-03-23")))
        .extracting(Holiday::kind)
        .containsExactly(Holiday.Kind.OVERRIDE);
    assertThat(calendar.isWorkingDay(day("2026-08-26"))).isTrue(); // mawlid, both days
    assertThat(calendar.isWorkingDay(day("2026-08-27"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2026-05-27"))).isFalse(); // Eid al-Adha, first day
    assertThat(calendar.isWorkingDay(day("2026-05-28"))).isTrue(); // its second day removed
  }

  @Test
  void aTenantsClosuresApplyToItAlone() throws IOException {
    write(
        "calendar/06.141.01.0.yaml",
        """
        closures:
          - date: 2026-09-14
            name-fr: Fermeture exceptionnelle
            name-ar: إغلاق استثنائي
        """);
    MoroccanCalendar calendar = new MoroccanCalendar(RULES, load());

    assertThat(calendar.forTenant(CASABLANCA).isWorkingDay(day("2026-09-14"))).isFalse();
    assertThat(calendar.forTenant(CASABLANCA).holidays(2026))
        .filteredOn(h -> h.kind() == Holiday.Kind.TENANT_CLOSURE)
        .hasSize(1);
    assertThat(calendar.forTenant(TenantId.of("06.181.01.03")).isWorkingDay(day("2026-09-14")))
        .isTrue();
  }

  @Test
  void brokenYamlIsReportedWithFileAndLine() throws IOException {
    write(
        "calendar/holidays.yaml",
        """
        years:
          2026:
            announced:
              eid-al-fitr: [2026-03-21
        """);
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("calendar/holidays.yaml");
              assertThat(p.line()).isGreaterThan(0);
              assertThat(p.message()).startsWith("not valid YAML");
            });
  }

  @Test
  void mistakesAreReportedWithFileAndLine() throws IOException {
    write(
        "calendar/holidays.yaml",
        """
        years:
          2026:
            announced:
              eid-al-fitr: 2026-04-21
              eid-el-kebir: 2026-05-27
              mawlid: 26/08/2026
            added:
              - date: 2027-01-05
                name-fr: Mauvaise année
                name-ar: سنة خاطئة
              - date: 2026-02-02
                name-fr: Sans nom arabe
            removed: [amazigh-new-yeer, 2026-02-03]
            moved: {}
          later: {}
        """);
    write("calendar/99.999.yaml", "closures: []\n");
    write("calendar/notes.txt", "hello\n");

    assertThat(problems())
        .extracting(ConfigProblem::toString)
        .containsExactlyInAnyOrder(
            "calendar/99.999.yaml: no tenant has the id 99.999",
            "calendar/notes.txt: not a .yaml file",
            "calendar/holidays.yaml:4: eid-al-fitr on 2026-04-21 is more than 3 days from its"
                + " computed date: check the holiday and the year",
            "calendar/holidays.yaml:5: unknown holiday 'eid-el-kebir' (expected one of:"
                + " amazigh-new-year, eid-al-adha, eid-al-fitr, green-march, independence-day,"
                + " independence-manifesto, islamic-new-year, labour-day, mawlid, new-year,"
                + " oued-eddahab, revolution-of-the-king-and-the-people, throne-day, unity-day,"
                + " youth-day)",
            "calendar/holidays.yaml:6: 'mawlid' must be a date (YYYY-MM-DD), not '26/08/2026'",
            "calendar/holidays.yaml:8: 'date': 2027-01-05 is not in 2026",
            "calendar/holidays.yaml:11: 'name-ar' is required",
            "calendar/holidays.yaml:13: 'amazigh-new-yeer' is neither a holiday (eid-al-fitr,"
                + " mawlid…) nor a date (YYYY-MM-DD)",
            "calendar/holidays.yaml:13: 2026-02-03 is not a holiday to remove",
            "calendar/holidays.yaml:14: unknown setting 'moved' (expected one of: added,"
                + " announced, removed; see template.yaml)",
            "calendar/holidays.yaml:15: 'later' is not a year (2026)");
  }

  @Test
  void theShippedCalendarGivesTheAnnouncedDates() {
    CalendarSettings shipped =
        CalendarConfigLoader.load(TenantConfigLoaderTest.SHIPPED, Set.of(CASABLANCA), RULES);
    WorkingCalendar calendar = new MoroccanCalendar(RULES, shipped).forTenant(CASABLANCA);

    // The three dates the computation misses, as announced.
    assertThat(calendar.isWorkingDay(day("2022-05-02"))).isFalse();
    assertThat(calendar.isWorkingDay(day("2022-05-04"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2024-07-07"))).isFalse();
    assertThat(calendar.isWorkingDay(day("2024-07-08"))).isTrue();
    assertThat(calendar.isWorkingDay(day("2023-09-28"))).isFalse();
    assertThat(calendar.isWorkingDay(day("2023-09-27"))).isTrue();
    // 2025: Eid al-Adha on Saturday 7 June and the exceptional Monday 9 June.
    assertThat(calendar.holidays(2025))
        .filteredOn(h -> h.date().equals(day("2025-06-09")))
        .extracting(Holiday::kind)
        .containsExactly(Holiday.Kind.OVERRIDE);
    assertThat(calendar.addWorkingDays(day("2025-06-06"), 1)).isEqualTo(day("2025-06-10"));
  }
}
