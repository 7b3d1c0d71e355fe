package ma.rokhsa.interfaces.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.interfaces.web.pages.BackOfficeSearchServlet.Facet;
import ma.rokhsa.interfaces.web.pages.BackOfficeSearchServlet.FacetValue;
import ma.rokhsa.interfaces.web.pages.BackOfficeSearchServlet.Hit;
import ma.rokhsa.interfaces.web.pages.BackOfficeSearchServlet.Option;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.ActionView;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.AvisForm;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.AvisLine;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.CommuneGroup;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.CommuneLink;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.ComplementLine;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.DocumentFiles;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.FileLink;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.ItemChoice;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.Pending;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.QueueLine;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.SignedLine;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.StateOption;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.AnswerSection;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.AnswerView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ChoiceView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.TimelineLine;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import ma.rokhsa.interfaces.web.theme.Themes;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

/**
 * The back office's templates (queue, dossier with every kind of action, signatures) rendered by
 * the real engine from the shipped themes in both languages: every text from the bundles, every
 * form with its token, errors tied to their fields; and the legal clock in words.
 */
class BackOfficeRenderingTest {

  private final Path shipped = Path.of("../../themes").toAbsolutePath().normalize();
  private final Themes themes =
      new Themes(shipped, "base", Duration.ofSeconds(10), Clock.systemUTC());
  private final TemplateEngine engine = Pages.engine(themes::chain, Duration.ofSeconds(10));
  private final Assets assets = Assets.of(shipped);

  private Page page(Language language) {
    return page(language, "/back-office/06.181.01.05");
  }

  private Page page(Language language, String path) {
    ThemeChain chain = themes.chain("casablanca-settat");
    return new Page(
        language,
        chain,
        name -> assets.url(chain, name),
        Optional.of("guichet"),
        "tok",
        path,
        true);
  }

  @Test
  void theQueueListsDossiersWithTheirClockAndPagesInBothLanguages() {
    for (Language language : Language.values()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("commune", "Lbir Jdid");
      model.put("action", "/back-office/06.181.01.05");
      model.put(
          "dossiers",
          List.of(
              new QueueLine(
                  "/back-office/06.181.01.05/dossiers/d1",
                  "06.181.01.05-2026-000001",
                  "Karim Benali",
                  "Permis de construire",
                  "Déposé",
                  "7 décembre 2026",
                  "En retard de 2 jours ouvrables",
                  true)));
      model.put("states", List.of(new StateOption("depose", "Déposé (1)", true)));
      model.put("state", "depose");
      model.put("ready", true);
      model.put("total", "1");
      model.put("nextHref", "/back-office/06.181.01.05?cursor=abc");
      model.put("firstHref", null);
      model.put("signaturesHref", "/back-office/06.181.01.05/signatures");
      String html = Pages.render(engine, page(language), "agent-queue", model);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("id=\"back-office-link\"")
          .doesNotContain("id=\"my-dossiers\"")
          .contains("href=\"/back-office/06.181.01.05/dossiers/d1\"")
          .contains("class=\"row--late\"")
          .contains("<option value=\"depose\" selected=\"selected\">")
          .contains("id=\"next-page\"")
          .contains("id=\"signatures-link\"")
          .doesNotContain("??");
    }
  }

  @Test
  void theDossierOffersEachActionAsAFormWithItsTokenAndShowsErrorsByTheirFields() {
    for (Language language : Language.values()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("commune", "Lbir Jdid");
      model.put("queueHref", "/back-office/06.181.01.05");
      model.put("procedure", "Permis de construire");
      model.put("reference", "06.181.01.05-2026-000001");
      model.put("applicantName", "Karim Benali");
      model.put("contactEmail", "k@example.ma");
      model.put("state", "Déposé");
      model.put("deposited", "7 décembre 2026");
      model.put("dueDate", "10 décembre 2026");
      model.put("clock", "3 jours ouvrables restants");
      model.put("overdue", false);
      model.put("version", 4L);
      model.put("done", "Avis enregistré.");
      model.put(
          "documents",
          List.of(
              new DocumentFiles(
                  "demande",
                  "Demande",
                  List.of(
                      new FileLink("/back-office/t/dossiers/d1/files/7", "demande.pdf", "2 Ko"))),
              new DocumentFiles("plan-masse", "Plan de masse", List.of())));
      model.put(
          "sections",
          List.of(
              new AnswerSection(
                  "Terrain", "#", List.of(new AnswerView("Titre foncier", "T12345/19")))));
      model.put(
          "avis",
          List.of(
              new AvisLine("Agence urbaine", true, "9 déc.", "Favorable", false, "", "c"),
              new AvisLine("Protection civile", true, "9 déc.", "En attente", true, "", "")));
      model.put(
          "complements",
          List.of(new ComplementLine("8 déc.", List.of("Plan de masse : illisible"), "")));
      model.put("timeline", List.of(new TimelineLine("7 déc.", "Déposé", "Demandeur")));
      model.put(
          "actions",
          List.of(
              new ActionView("accepter", "Accepter", "plain", false),
              new ActionView("demander-complements", "Compléments", "complements", false),
              new ActionView("decider-defavorable", "Refuser", "plain", true),
              new ActionView("signer", "Signer", "sign", false)));
      model.put("avisForms", List.of(new AvisForm("protection-civile", "Protection civile")));
      model.put(
          "verdicts",
          List.of(
              new ChoiceView("FAVORABLE", "Favorable", false),
              new ChoiceView("UNFAVORABLE", "Défavorable", false)));
      model.put(
          "items",
          List.of(
              new ItemChoice("demande", "Demande", false, ""),
              new ItemChoice("plan-masse", "Plan de masse", true, "illisible")));
      model.put("base", "/back-office/06.181.01.05/dossiers/d1");
      List<ErrorView> errors =
          List.of(
              new ErrorView("#avis-motivation-protection-civile", "Motivez"),
              new ErrorView("#pin", "Mauvais PIN"));
      model.put("errors", errors);
      Map<String, String> byField = new LinkedHashMap<>();
      errors.forEach(e -> byField.put(e.href().substring(1), e.text()));
      model.put("fieldErrors", byField);
      model.put(
          "values",
          Map.of(
              "body", "protection-civile", "verdict", "UNFAVORABLE", "motivation", "Pas d'issue"));
      model.put("authorizationHref", null);
      String html = Pages.render(engine, page(language), "agent-dossier", model);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("action=\"/back-office/06.181.01.05/dossiers/d1/actions/accepter\"")
          .contains("action=\"/back-office/06.181.01.05/dossiers/d1/actions/demander-complements\"")
          .contains("action=\"/back-office/06.181.01.05/dossiers/d1/sign\"")
          .contains("action=\"/back-office/06.181.01.05/dossiers/d1/avis\"")
          .contains("id=\"motivation-decider-defavorable\"")
          .doesNotContain("id=\"motivation-accepter\"")
          .contains("id=\"item-plan-masse\" checked=\"checked\"")
          .contains("value=\"illisible\"")
          .contains("id=\"verdict-protection-civile-UNFAVORABLE\" value=\"UNFAVORABLE\" checked")
          .contains("Pas d&#39;issue")
          .contains("aria-describedby=\"pin-hint pin-error\"")
          .contains("href=\"#avis-motivation-protection-civile\"")
          .contains("href=\"/back-office/t/dossiers/d1/files/7\"")
          .contains("name=\"version\" value=\"4\"")
          .doesNotContain("??");
      assertThat(html.split("name=\"csrf\" value=\"tok\"", -1))
          .as("every form carries the token: sign-out, 4 actions, 1 avis")
          .hasSize(7);
      assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }
  }

  @Test
  void theSignaturesPageListsTheBatchAndItsResults() {
    for (Language language : Language.values()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("commune", "Lbir Jdid");
      model.put("queueHref", "/back-office/06.181.01.05");
      model.put("action", "/back-office/06.181.01.05/signatures");
      model.put(
          "pending",
          List.of(new Pending("d2", "/x/d2", "06.181.01.05-2026-000002", "Karim", "9 déc.")));
      model.put("errors", List.of(new ErrorView("#pending", "Choisissez")));
      model.put("fieldErrors", Map.of("pending", "Choisissez"));
      model.put(
          "results", List.of(new SignedLine("06.181.01.05-2026-000001", "/x/d1", true, "ok")));
      String html = Pages.render(engine, page(language), "agent-signatures", model);
      assertThat(html)
          .contains("id=\"sign-d2\"")
          .contains("id=\"pin\"")
          .contains("id=\"batch-results\"")
          .contains("aria-describedby=\"pending-error\"")
          .contains("name=\"csrf\" value=\"tok\"")
          .doesNotContain("??");
      model.put("groups", List.of());
      model.put("searchHref", null);
      assertThat(Pages.render(engine, page(language), "agent-home", model))
          .contains("id=\"no-commune\"")
          .doesNotContain("id=\"home-search\"")
          .doesNotContain("??");
    }
  }

  @Test
  void aSupervisorsHomeListsTheTerritoryProvinceByProvinceWithTheSearch() {
    for (Language language : Language.values()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put(
          "groups",
          List.of(
              new CommuneGroup(
                  "Préfecture de Casablanca",
                  "/back-office/search?province=06.141",
                  List.of(new CommuneLink("/back-office/06.141.01.0", "Casablanca"))),
              new CommuneGroup(
                  "Province d'El Jadida",
                  "/back-office/search?province=06.181",
                  java.util.stream.IntStream.range(0, 8)
                      .mapToObj(i -> new CommuneLink("/back-office/06.181.01.0" + i, "C" + i))
                      .toList())));
      model.put("searchHref", "/back-office/search");
      String html = Pages.render(engine, page(language, "/back-office"), "agent-home", model);
      assertThat(html)
          .contains("id=\"home-search\" class=\"button\" href=\"/back-office/search\"")
          .contains("href=\"/back-office/search?province=06.181\"")
          .contains("href=\"/back-office/06.141.01.0\"")
          .contains("<ul class=\"columns\">")
          .contains("aria-labelledby=\"group-1\"")
          .contains("id=\"back-office-link\" href=\"/back-office\" aria-current=\"page\"")
          .contains("id=\"search-link\" href=\"/back-office/search\"")
          .doesNotContain("id=\"no-commune\"")
          .doesNotContain("??");
    }
  }

  @Test
  void theSearchShowsItsFormFacetsAsLinksResultsAndPagesInBothLanguages() {
    for (Language language : Language.values()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("action", "/back-office/search");
      model.put("scope", "Préfecture de Casablanca");
      model.put("q", "Benali");
      model.put("state", "depose");
      model.put("procedure", "");
      model.put("tenant", "");
      model.put("province", "06.141");
      model.put("region", "");
      model.put("depositedFrom", "2026-12-01");
      model.put("depositedTo", "bad");
      model.put("overdue", "");
      model.put("stateOptions", List.of(new Option("depose", "Déposé", true)));
      model.put("procedureOptions", List.of(new Option("permis-de-construire", "PC", false)));
      model.put("tenantOptions", List.of(new Option("06.141.01.0", "Casablanca", false)));
      model.put("overdueChecked", true);
      List<ErrorView> errors = List.of(new ErrorView("#depositedTo", "Date ?"));
      model.put("errors", errors);
      model.put("fieldErrors", Map.of("depositedTo", "Date ?"));
      model.put("ready", true);
      model.put("searched", true);
      model.put(
          "dossiers",
          List.of(
              new Hit(
                  "/back-office/06.141.01.0/dossiers/d1",
                  "06.141.01.0-2026-000001",
                  "Karim Benali",
                  "Casablanca",
                  "Permis de construire",
                  "Déposé",
                  "7 décembre 2026",
                  true),
              new Hit(null, "06.141.01.0-2026-000002", "A", "B", "C", "D", "", false)));
      model.put(
          "facets",
          List.of(
              new Facet(
                  "state",
                  "Par état",
                  List.of(
                      new FacetValue(
                          "depose", "Déposé", "2", "/back-office/search?state=depose", true)),
                  "/back-office/search?q=Benali"),
              new Facet(
                  "overdue",
                  "Par délai",
                  List.of(
                      new FacetValue(
                          "true", "En retard", "1", "/back-office/search?overdue=true", false)),
                  null)));
      model.put("total", "2");
      model.put("nextHref", "/back-office/search?state=depose&cursor=abc");
      model.put("firstHref", null);
      String html =
          Pages.render(engine, page(language, "/back-office/search?q=x"), "agent-search", model);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("<form method=\"get\" action=\"/back-office/search\"")
          .contains("id=\"search-link\" href=\"/back-office/search\" aria-current=\"page\"")
          .contains("value=\"Benali\"")
          .contains("<option value=\"depose\" selected=\"selected\">")
          .contains("id=\"overdue\" name=\"overdue\" value=\"true\" checked=\"checked\"")
          .contains("type=\"hidden\" name=\"province\" value=\"06.141\"")
          .doesNotContain("name=\"region\"")
          .contains("<fieldset class=\"facet\" id=\"facet-state\">")
          .contains("<legend>Par état</legend>")
          .contains(
              "href=\"/back-office/search?state=depose\" data-value=\"depose\""
                  + " aria-current=\"true\"")
          .contains("href=\"/back-office/search?overdue=true\" data-value=\"true\">")
          .contains("class=\"facet__clear\" href=\"/back-office/search?q=Benali\"")
          .contains("href=\"/back-office/06.141.01.0/dossiers/d1\"")
          .contains("<span>06.141.01.0-2026-000002</span>")
          .contains("class=\"row--late\"")
          .contains("<th scope=\"col\"")
          .contains("aria-describedby=\"depositedTo-error\"")
          .contains("href=\"#depositedTo\"")
          .contains("id=\"next-page\" href=\"/back-office/search?state=depose&amp;cursor=abc\"")
          .doesNotContain("<script>")
          .doesNotContain("style=")
          .doesNotContain("??");
    }
  }

  @Test
  void aSearchsAddressKeepsWhatWasAskedAndNarrowsOneParameterAtATime() {
    Map<String, String> values = new LinkedHashMap<>();
    BackOfficeSearchServlet.PARAMETERS.forEach(p -> values.put(p, ""));
    values.put("q", "محمد بنجلون");
    values.put("state", "depose");
    BackOfficeSearchServlet.Criteria asked = new BackOfficeSearchServlet.Criteria(values);
    assertThat(asked.href(null))
        .isEqualTo(
            "/back-office/search?q=%D9%85%D8%AD%D9%85%D8%AF+%D8%A8%D9%86%D8%AC%D9%84%D9%88%D9%86"
                + "&state=depose");
    assertThat(asked.with("tenant", "06.181.01.05").with("state", "").href("c1"))
        .isEqualTo(
            "/back-office/search?q=%D9%85%D8%AD%D9%85%D8%AF+%D8%A8%D9%86%D8%AC%D9%84%D9%88%D9%86"
                + "&tenant=06.181.01.05&cursor=c1");
    assertThat(new BackOfficeSearchServlet.Criteria(Map.of()).href(null))
        .isEqualTo("/back-office/search");
  }

  @Test
  void theLegalClockCountsWorkingDaysLeftOrLate() {
    WorkingCalendar weekdays = new HolidayCalendar(year -> List.of());
    Page fr = page(Language.FR);
    LocalDate monday = LocalDate.of(2026, 12, 7);
    assertThat(BackOfficeServlet.clock(fr, weekdays, monday, monday.plusDays(7)))
        .isEqualTo("5 jours ouvrables restants");
    assertThat(BackOfficeServlet.clock(fr, weekdays, monday, monday))
        .isEqualTo("Échéance aujourd’hui");
    assertThat(BackOfficeServlet.clock(fr, weekdays, monday.plusDays(8), monday.plusDays(4)))
        .isEqualTo("En retard de 2 jours ouvrables");
    assertThat(BackOfficeServlet.clock(fr, weekdays, monday, null)).isEmpty();
    assertThat(BackOfficeServlet.clock(page(Language.AR), weekdays, monday, monday.plusDays(1)))
        .isEqualTo("يتبقى يوم عمل واحد");
    assertThat(BackOfficeServlet.clock(page(Language.AR), weekdays, monday, monday.plusDays(3)))
        .isEqualTo("يتبقى ٣ أيام عمل");
    assertThat(BackOfficeServlet.clock(page(Language.FR), weekdays, monday, monday.plusDays(1)))
        .isEqualTo("1 jour ouvrable restant");
  }
}
