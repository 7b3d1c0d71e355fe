package ma.rokhsa.interfaces.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.AnswerSection;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.AnswerView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ChoiceView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.DocumentView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.ErrorView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.FieldView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.FileView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.GroupView;
import ma.rokhsa.interfaces.web.pages.DossierPagesServlet.TimelineLine;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import ma.rokhsa.interfaces.web.theme.Themes;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FieldType;
import ma.rokhsa.plugin.api.procedure.Section;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

/**
 * The applicant's pages (deposit, dossier, tracking, verification) rendered by the real engine from
 * the shipped themes, in both languages; and how a posted section becomes form values.
 */
class DepositPagesRenderingTest {

  private final Path shipped = Path.of("../../themes").toAbsolutePath().normalize();
  private final Themes themes =
      new Themes(shipped, "base", Duration.ofSeconds(10), Clock.systemUTC());
  private final TemplateEngine engine = Pages.engine(themes::chain, Duration.ofSeconds(10));
  private final Assets assets = Assets.of(shipped);

  private Page page(Language language) {
    ThemeChain chain = themes.chain("casablanca-settat");
    return new Page(
        language, chain, name -> assets.url(chain, name), Optional.of("demandeur"), "tok", "/x");
  }

  private static Map<String, Object> common() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", "Lbir Jdid");
    model.put("communeId", "06.181.01.05");
    model.put("procedure", "Permis de construire");
    model.put("dossierHref", "/dossiers/06.181.01.05/d1");
    model.put("applicantName", "Karim Benali");
    model.put("contactEmail", "k@example.ma");
    return model;
  }

  @Test
  void aRepeatableSectionWithAnErrorRendersItsGroupsAndTheSummaryInBothLanguages() {
    for (Language language : Language.values()) {
      Map<String, Object> model = common();
      FieldView level =
          new FieldView(
              "field-niveaux-0-niveau",
              "niveaux[0].niveau",
              "Niveau",
              "text",
              true,
              "",
              List.of(),
              "obligatoire",
              false);
      FieldView surface =
          new FieldView(
              "field-niveaux-0-surface_niveau",
              "niveaux[0].surface_niveau",
              "Surface",
              "number",
              true,
              "120",
              List.of(),
              null,
              false);
      FieldView erp =
          new FieldView(
              "field-erp",
              "erp",
              "ERP",
              "boolean",
              true,
              "false",
              List.of(new ChoiceView("true", "Oui", false), new ChoiceView("false", "Non", true)),
              null,
              false);
      model.put("sectionId", "niveaux");
      model.put("section", "Niveaux");
      model.put("stepNumber", "étape 6 sur 7");
      model.put("repeatable", true);
      model.put("groups", List.of(new GroupView("N° 1", List.of(level, surface, erp), 0, false)));
      model.put("count", 1);
      model.put("canAdd", true);
      model.put(
          "errors", List.of(new ErrorView("#field-niveaux-0-niveau", "Niveau : obligatoire")));
      model.put("action", "/dossiers/06.181.01.05/d1/sections/niveaux");
      String html = Pages.render(engine, page(language), "deposit-section", model);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("href=\"#field-niveaux-0-niveau\"")
          .contains("name=\"niveaux[0].niveau\"")
          .contains("aria-describedby=\"field-niveaux-0-niveau-error\"")
          .contains("aria-invalid=\"true\"")
          .contains("inputmode=\"decimal\"")
          .contains("value=\"120\"")
          .contains("id=\"add-occurrence\"")
          .contains("name=\"csrf\" value=\"tok\"")
          .doesNotContain("??")
          .doesNotContain("<script>")
          .doesNotContain("style=");
      // Enter in a field submits with the form's first submit button: it must continue, not add
      // a group (nor remove one).
      String form = html.substring(html.indexOf("<form method=\"post\" action=\"/dossiers"));
      String first =
          form.substring(form.indexOf("<button"), form.indexOf(">", form.indexOf("<button")));
      assertThat(first)
          .contains("type=\"submit\"")
          .contains("id=\"section-default\"")
          .doesNotContain("name=");
      assertThat(form.indexOf("id=\"section-default\""))
          .isLessThan(form.indexOf("id=\"add-occurrence\""));
    }
  }

  private static void noComplements(Map<String, Object> dossier) {
    dossier.put("errors", List.of());
    dossier.put("fieldErrors", Map.of());
    dossier.put("complements", List.of());
    dossier.put("answered", false);
    dossier.put("askedDocuments", List.of());
    dossier.put("answerHref", null);
    dossier.put("uploadHref", "/dossiers/06.181.01.05/d1/complements/files");
    dossier.put("answer", "");
    dossier.put("version", 5L);
  }

  private static Map<String, Object> deposited() {
    Map<String, Object> dossier = common();
    dossier.put("reference", "06.181.01.05-2026-000001");
    dossier.put("trackingCode", "ABCDEFGHJKMN");
    dossier.put("state", "Compléments demandés");
    dossier.put("dueDate", "10 janvier 2027");
    dossier.put("overdue", false);
    dossier.put("deposited", false);
    dossier.put("receiptHref", "/r");
    dossier.put("trackHref", "/track?reference=x");
    dossier.put("authorizationHref", null);
    dossier.put("timeline", List.of(new TimelineLine("7 déc.", "Déposé", "Demandeur")));
    dossier.put("files", List.of(new FileView(1, "plan.pdf", "1 Ko")));
    noComplements(dossier);
    return dossier;
  }

  @Test
  void theDossierListsTheComplementsAskedWithAnUploadPerDocumentAndTheAnswersForm() {
    for (Language language : Language.values()) {
      Map<String, Object> dossier = deposited();
      dossier.put(
          "complements",
          List.of(
              new BackOfficeServlet.ComplementLine(
                  "8 décembre 2026", List.of("Plan de masse : illisible", "Surface"), "")));
      dossier.put(
          "askedDocuments",
          List.of(
              new DocumentView(
                  "plan-masse",
                  "Plan de masse",
                  true,
                  false,
                  "application/pdf",
                  "PDF, 20 Mo",
                  List.of(new FileView(1, "plan.pdf", "1 Ko")),
                  true,
                  "Plan de masse : joignez le nouveau fichier demandé")));
      dossier.put("answerHref", "/dossiers/06.181.01.05/d1/complements/answer");
      List<ErrorView> errors =
          List.of(
              new ErrorView("#file-plan-masse", "Plan de masse : joignez le nouveau fichier"),
              new ErrorView("#answer", "Répondez"));
      dossier.put("errors", errors);
      dossier.put("fieldErrors", Map.of("file-plan-masse", "Plan", "answer", "Répondez"));
      dossier.put("answer", "La surface est de 240 m²");
      String html = Pages.render(engine, page(language), "dossier", dossier);
      assertThat(html)
          .contains("dir=\"" + language.direction() + "\"")
          .contains("id=\"complements\"")
          .contains("Plan de masse : illisible")
          .contains("action=\"/dossiers/06.181.01.05/d1/complements/files\"")
          .contains("enctype=\"multipart/form-data\"")
          .contains("data-upload")
          .contains("name=\"document\" value=\"plan-masse\"")
          .contains("aria-describedby=\"file-plan-masse-hint file-plan-masse-error\"")
          .contains("action=\"/dossiers/06.181.01.05/d1/complements/answer\"")
          .contains("name=\"version\" value=\"5\"")
          .contains("aria-describedby=\"answer-hint answer-error\"")
          .contains("La surface est de 240 m²</textarea>")
          .contains("href=\"#file-plan-masse\"")
          .contains("href=\"#answer\"")
          .contains("id=\"answer-submit\"")
          .doesNotContain("??")
          .doesNotContain("<script>")
          .doesNotContain("style=");
      assertThat(html.split("name=\"csrf\" value=\"tok\"", -1))
          .as("every form carries the token: sign-out, the upload, the answer")
          .hasSize(4);

      // Answered: the answer is shown, no form is left; the page says it went to the guichet.
      Map<String, Object> answered = deposited();
      answered.put(
          "complements",
          List.of(
              new BackOfficeServlet.ComplementLine(
                  "8 décembre 2026", List.of("Plan de masse"), "Voici le plan")));
      answered.put("answered", true);
      assertThat(Pages.render(engine, page(language), "dossier", answered))
          .contains("id=\"answered\"")
          .contains("Voici le plan")
          .doesNotContain("complements/answer")
          .doesNotContain("??");
    }
  }

  @Test
  void aDossierChangedMeanwhileIsShownAgainWithTheMessageAtTheTop() {
    for (Language language : Language.values()) {
      Page page = page(language);
      Map<String, Object> dossier = deposited();
      String changed = page.messages().text("dossier.error.changed");
      dossier.put("errors", List.of(new ErrorView("#state", changed)));
      String html = Pages.render(engine, page, "dossier", dossier);
      assertThat(html)
          .contains("data-error-summary")
          .contains("href=\"#state\"")
          .contains(changed)
          .contains("id=\"state\"");
      assertThat(html.indexOf("data-error-summary")).isLessThan(html.indexOf("id=\"state\""));
    }
  }

  @Test
  void theOtherApplicantPagesRenderInBothLanguages() {
    for (Language language : Language.values()) {
      Page page = page(language);
      Map<String, Object> documents = common();
      documents.put(
          "documents",
          List.of(
              new DocumentView(
                  "plan-masse",
                  "Plan de masse",
                  true,
                  false,
                  "application/pdf",
                  "PDF, 20 Mo",
                  List.of(new FileView(7, "plan.pdf", "2 Ko")),
                  false,
                  null),
              new DocumentView(
                  "demande",
                  "Demande",
                  true,
                  false,
                  "application/pdf",
                  "PDF, 5 Mo",
                  List.of(),
                  true,
                  "trop lourd")));
      documents.put("errors", List.of(new ErrorView("#file-demande", "Demande : trop lourd")));
      documents.put("action", "/dossiers/06.181.01.05/d1/documents");
      documents.put("checkHref", "/dossiers/06.181.01.05/d1/check");
      assertThat(Pages.render(engine, page, "deposit-documents", documents))
          .contains("enctype=\"multipart/form-data\"")
          .contains("id=\"file-demande\"")
          .contains("name=\"remove\" value=\"7\"")
          .doesNotContain("??");

      Map<String, Object> check = common();
      check.put("errors", List.of());
      check.put(
          "sections",
          List.of(
              new AnswerSection(
                  "Terrain",
                  "/dossiers/x/y/sections/terrain",
                  List.of(new AnswerView("Adresse", "Lot 42")))));
      check.put("documents", List.of(new AnswerView("Plan", "plan.pdf")));
      check.put("documentsHref", "/d");
      check.put("fee", "2 400,00");
      check.put("action", "/dossiers/x/y/submit");
      check.put("key", "k1");
      assertThat(Pages.render(engine, page, "deposit-check", check))
          .contains("name=\"key\" value=\"k1\"")
          .contains("Lot 42")
          .doesNotContain("??");

      Map<String, Object> dossier = common();
      dossier.put("reference", "06.181.01.05-2026-000001");
      dossier.put("trackingCode", "ABCDEFGHJKMN");
      dossier.put("state", "Déposé");
      dossier.put("dueDate", "10 décembre 2026");
      dossier.put("overdue", false);
      dossier.put("deposited", true);
      dossier.put("receiptHref", "/r");
      dossier.put("trackHref", "/track?reference=x");
      dossier.put("authorizationHref", null);
      dossier.put("timeline", List.of(new TimelineLine("7 déc.", "Déposé", "Demandeur")));
      dossier.put("files", List.of(new FileView(1, "a.pdf", "1 Ko")));
      noComplements(dossier);
      assertThat(Pages.render(engine, page, "dossier", dossier))
          .contains("ABCDEFGHJKMN")
          .contains("id=\"deposited\"")
          .doesNotContain("id=\"authorization\"")
          .doesNotContain("??");

      Map<String, Object> draft = common();
      draft.put("steps", List.of(new DossierPagesServlet.StepView("/s", "Demandeur", true)));
      draft.put("checkHref", "/c");
      draft.put("errors", List.of(new ErrorView("#steps", "changé")));
      assertThat(Pages.render(engine, page, "dossier-draft", draft))
          .contains("href=\"#steps\"")
          .contains("id=\"steps\"")
          .doesNotContain("??");

      Map<String, Object> start = common();
      start.put("open", true);
      start.put("procedureId", "permis-de-construire");
      start.put("errors", List.of(new ErrorView("#contactEmail", "e-mail")));
      start.put("fieldErrors", Map.of("contactEmail", "e-mail"));
      assertThat(Pages.render(engine, page, "deposit-start", start))
          .contains("aria-describedby=\"contactEmail-hint contactEmail-error\"")
          .doesNotContain("??");

      Map<String, Object> list = new HashMap<>();
      list.put(
          "dossiers",
          List.of(
              new DossierPagesServlet.DossierLine("/d", "ref", "Permis", "Lbir Jdid", "Déposé")));
      list.put("ready", true);
      assertThat(Pages.render(engine, page, "dossiers", list))
          .contains("href=\"/d\"")
          .doesNotContain("??");

      Map<String, Object> track = new HashMap<>();
      track.put("reference", "ref");
      track.put("errors", List.of());
      track.put("fieldErrors", Map.of());
      track.put(
          "result",
          new TrackingServlet.Result(
              "ref",
              "Permis",
              "Déposé",
              "7 déc.",
              null,
              false,
              List.of("le guichet"),
              false,
              false));
      assertThat(Pages.render(engine, page, "track", track))
          .contains("id=\"tracking-result\"")
          .contains("le guichet")
          .doesNotContain("??");

      Map<String, Object> verify = new HashMap<>();
      verify.put("documentId", "x");
      verify.put("errors", List.of());
      verify.put("fieldErrors", Map.of());
      verify.put("checked", new VerificationServlet.Checked(false, false, false, "abc", 0));
      verify.put(
          "entry",
          new VerificationServlet.Entry(
              "x", "ref", "permis", "Nabila", "7 déc.", "B-LT", "Valide", true, null, null, null,
              true));
      assertThat(Pages.render(engine, page, "verify", verify))
          .contains("id=\"verify-result\"")
          .contains("id=\"verify-entry\"")
          .contains("id=\"verify-content\"")
          .doesNotContain("??");
    }
  }

  @Test
  void aPostedSectionBecomesFormValues() {
    Field text =
        new Field(
            "niveau",
            LocalizedText.of("Niveau", "الطابق"),
            FieldType.TEXT,
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());
    Field decimal =
        new Field(
            "surface",
            LocalizedText.of("Surface", "المساحة"),
            FieldType.DECIMAL,
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty());
    Section levels =
        new Section(
            "niveaux",
            LocalizedText.of("Niveaux", "الطوابق"),
            List.of(text, decimal),
            true,
            1,
            40,
            Optional.empty());
    Map<String, String> posted =
        Map.of(
            "niveaux[0].niveau", " RDC ",
            "niveaux[0].surface", "١٢٠,٥",
            "niveaux[1].niveau", "R+1",
            "niveaux[1].surface", "beaucoup");
    Map<String, Object> values = DepositForm.merge(Map.of("other", "kept"), levels, posted::get, 2);
    assertThat(values).containsEntry("other", "kept");
    assertThat(DepositForm.occurrences(values, levels))
        .containsExactly(
            Map.of("niveau", "RDC", "surface", new BigDecimal("120.5")),
            Map.of("niveau", "R+1", "surface", "beaucoup"));

    Section flat =
        new Section(
            "projet",
            LocalizedText.of("Projet", "المشروع"),
            List.of(text),
            false,
            0,
            1,
            Optional.empty());
    assertThat(DepositForm.merge(Map.of("niveau", "old"), flat, name -> "  ", 0))
        .as("a field left blank has no value")
        .doesNotContainKey("niveau");
    assertThat(DepositForm.htmlId("niveaux[1].surface")).isEqualTo("field-niveaux-1-surface");
    assertThat(DepositForm.belongs(levels, "niveaux[3].surface")).isTrue();
    assertThat(DepositForm.belongs(flat, "niveaux[3].niveau")).isFalse();
  }
}
