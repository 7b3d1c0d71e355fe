package ma.rokhsa.interfaces.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import ma.rokhsa.application.DelayReport;
import ma.rokhsa.application.ReportPeriod;
import ma.rokhsa.interfaces.rest.report.DelayReportCsv;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import ma.rokhsa.interfaces.web.theme.Themes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

/**
 * The dashboard of delays rendered by the real engine from the shipped themes in both languages:
 * the table, the bars drawn from the start of the line (the right in Arabic) with their titles, the
 * header's link for a supervisor, a bad date tied to its field; and the CSV it downloads.
 */
class DelaysRenderingTest {

  private final Path shipped = Path.of("../../themes").toAbsolutePath().normalize();
  private final Themes themes =
      new Themes(shipped, "base", Duration.ofSeconds(10), Clock.systemUTC());
  private final TemplateEngine engine = Pages.engine(themes::chain, Duration.ofSeconds(10));
  private final Assets assets = Assets.of(shipped);

  private static final DelayReport REPORT =
      new DelayReport(
          new ReportPeriod(LocalDate.parse("2025-12-08"), LocalDate.parse("2026-12-07")),
          LocalDate.parse("2026-12-07"),
          List.of(
              new DelayReport.Row(
                  "06.181.01.05",
                  "Lbir Jdid",
                  "البير الجديد",
                  "permis-de-construire",
                  "Permis de construire",
                  "رخصة البناء",
                  8,
                  5,
                  OptionalInt.of(10),
                  OptionalInt.of(30),
                  1),
              new DelayReport.Row(
                  "06.181.01.05",
                  "Lbir Jdid",
                  "البير الجديد",
                  "permis-d-habiter",
                  "Permis d'habiter, \"R+1\"",
                  "رخصة السكن",
                  2,
                  0,
                  OptionalInt.empty(),
                  OptionalInt.empty(),
                  0)));

  private Page page(Language language) {
    ThemeChain chain = themes.chain("base");
    return new Page(
        language,
        chain,
        name -> assets.url(chain, name),
        Optional.of("superviseur"),
        "tok",
        "/back-office/delays",
        false,
        true);
  }

  @Test
  void theTableAndItsBarsInBothLanguages() {
    for (Language language : Language.values()) {
      Page page = page(language);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("from", "2025-12-08");
      model.put("to", "2026-12-07");
      model.put("errors", List.of());
      model.put("errorFor", "");
      model.put("lead", page.messages().text("delays.lead", "8 décembre 2025", "7 décembre 2026"));
      model.put("lines", DelaysServlet.lines(page, REPORT));
      model.put("bars", DelaysServlet.bars(page, REPORT));
      model.put("csvHref", "/back-office/delays.csv?from=2025-12-08&to=2026-12-07");
      String html = Pages.render(engine, page, "delays", model);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("id=\"delays-link\"")
          .contains("id=\"delays-csv\"")
          .doesNotContain("??")
          .doesNotContain("style=")
          .doesNotContain("<script>");
      // one chart row (nothing decided for the second procedure), scaled to the longest p90
      List<DelaysServlet.DelayBar> bars = DelaysServlet.bars(page, REPORT);
      assertThat(bars).hasSize(1);
      DelaysServlet.DelayBar bar = bars.get(0);
      assertThat(bar.ninetiethWidth()).isEqualTo(DelaysServlet.CHART_WIDTH);
      assertThat(bar.medianWidth()).isEqualTo(DelaysServlet.CHART_WIDTH / 3);
      assertThat(bar.medianX())
          .isEqualTo(language == Language.AR ? DelaysServlet.CHART_WIDTH * 2 / 3 + 1 : 0);
      assertThat(html).contains("<title id=\"bar-0\">").contains("aria-labelledby=\"bar-0\"");
      if (language == Language.AR) {
        assertThat(html).contains("البير الجديد").contains("رخصة البناء");
      } else {
        assertThat(html).contains("Lbir Jdid").contains(">10<").contains(">30<");
      }
    }
  }

  @Test
  void aBadDateIsToldByItsField() {
    Page page = page(Language.FR);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("from", "2026-13-01");
    model.put("to", "");
    model.put("errors", List.of(new ErrorView("#from", page.messages().text("delays.error.from"))));
    model.put("errorFor", "from");
    model.put("lines", List.of());
    model.put("bars", List.of());
    model.put("lead", null);
    model.put("csvHref", null);
    String html = Pages.render(engine, page, "delays", model);
    assertThat(html)
        .contains("data-error-summary")
        .contains("href=\"#from\"")
        .contains("aria-invalid=\"true\"")
        .contains("id=\"from-error\"")
        .doesNotContain("id=\"delays-csv\"");
  }

  @Test
  void theCsvHasAHeaderAndOneRecordPerRowThatCommonsCsvReadsBack() throws IOException {
    String csv = DelayReportCsv.of(REPORT);
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("commune_ar")).isEqualTo("البير الجديد");
    assertThat(records.get(0).get("median_working_days")).isEqualTo("10");
    assertThat(records.get(0).get("p90_working_days")).isEqualTo("30");
    assertThat(records.get(0).get("period_from")).isEqualTo("2025-12-08");
    assertThat(records.get(1).get("procedure_fr")).isEqualTo("Permis d'habiter, \"R+1\"");
    assertThat(records.get(1).get("median_working_days")).isEmpty();
    assertThat(DelayReportCsv.disposition(REPORT))
        .isEqualTo("attachment; filename=\"rokhsa-delais-2025-12-08_2026-12-07.csv\"");
  }
}
