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
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.ActionView;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.AvisForm;
import ma.rokhsa.interfaces.web.pages.BackOfficeServlet.AvisLine;
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
    ThemeChain chain = themes.chain("casablanca-settat");
    return new Page(
        language,
        chain,
        name -> assets.url(chain, name),
        Optional.of("guichet"),
        "tok",
        "/back-office/06.181.01.05",
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
      model.put("communes", List.of());
      assertThat(Pages.render(engine, page(language), "agent-home", model))
          .contains("id=\"no-commune\"")
          .doesNotContain("??");
    }
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
