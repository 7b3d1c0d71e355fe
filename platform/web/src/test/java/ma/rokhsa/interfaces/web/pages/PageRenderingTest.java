package ma.rokhsa.interfaces.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import ma.rokhsa.interfaces.web.theme.Themes;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

/** The shipped themes' templates, rendered by the real engine and resolvers. */
class PageRenderingTest {

  private final Path shipped = Path.of("../../themes").toAbsolutePath().normalize();
  private final Themes themes =
      new Themes(shipped, "base", Duration.ofSeconds(10), Clock.systemUTC());
  private final TemplateEngine engine = Pages.engine(themes::chain, Duration.ofSeconds(10));
  private final Assets assets = Assets.of(shipped);

  private Page page(Language language, String theme, Optional<String> user) {
    ThemeChain chain = themes.chain(theme);
    return new Page(language, chain, name -> assets.url(chain, name), user, "token", "/x?y=1");
  }

  private String home(Language language, String theme) {
    return Pages.render(
        engine,
        page(language, theme, Optional.empty()),
        "home",
        Map.of(
            "regions",
            List.of(new HomeServlet.Choice("06", "Casablanca-Settat", true)),
            "region",
            "Casablanca-Settat",
            "groups",
            List.of(
                new HomeServlet.Group(
                    "Préfecture de Casablanca",
                    List.of(new HomeServlet.Choice("06.141.01.0", "Casablanca", false)))),
            "today",
            "7 décembre 2026"));
  }

  @Test
  void theHomePageIsInFrenchLeftToRightWithEveryTextFromTheMessages() {
    String html = home(Language.FR, "base");

    assertThat(html)
        .contains("<html lang=\"fr\" dir=\"ltr\" data-theme=\"base\">")
        .contains("<h1>Vos autorisations en ligne</h1>")
        .contains("lang=\"ar\" hreflang=\"ar\">العربية</a>")
        .contains("href=\"/language?to=ar&amp;return=%2Fx%3Fy%3D1\"")
        .contains("<option value=\"06.141.01.0\">Casablanca</option>")
        .contains("Guichet national")
        .doesNotContain("??");
    assertThat(html).containsPattern("href=\"/assets/rokhsa\\.[0-9a-f]{16}\\.css\"");
    assertThat(html).containsPattern("src=\"/assets/rokhsa\\.[0-9a-f]{16}\\.js\" defer");
    assertThat(html).doesNotContain("<script>").doesNotContain("style=");
  }

  @Test
  void theHomePageInArabicIsRightToLeft() {
    String html = home(Language.AR, "base");

    assertThat(html)
        .contains("<html lang=\"ar\" dir=\"rtl\" data-theme=\"base\">")
        .contains("<h1>رخصكم عبر الإنترنت</h1>")
        .contains(">Français</a>")
        .doesNotContain("??");
  }

  @Test
  void aRegionalThemeOverridesTheBannerTemplateItsTextsAndItsColours() {
    String html = home(Language.FR, "casablanca-settat");

    assertThat(html)
        .contains("data-theme=\"casablanca-settat\"")
        .contains("data-region-banner=\"casablanca-settat\"")
        .contains("Région Casablanca-Settat")
        .contains("<h1>Vos autorisations en ligne</h1>")
        .doesNotContain("??");
    String base = home(Language.FR, "base");
    assertThat(themeCss(html)).isNotEqualTo(themeCss(base));
    assertThat(assets.find(themeCss(html).substring(Assets.PATH.length())))
        .get()
        .satisfies(a -> assertThat(new String(a.bytes())).contains("#0b4f8a"));
  }

  @Test
  void signInErrorsAreSummarizedAndTiedToTheirFields() {
    String html =
        Pages.render(
            engine,
            page(Language.FR, "base", Optional.empty()),
            "sign-in",
            Map.of(
                "username",
                "demandeur",
                "errors",
                List.of(new SignInServlet.FieldError("username", "signin.error.refused")),
                "fieldErrors",
                Map.of("username", "signin.error.refused"),
                "returnTo",
                "/"));

    assertThat(html)
        .contains("data-error-summary")
        .contains("<a href=\"#username\">Identifiant ou mot de passe incorrect</a>")
        .contains("aria-invalid=\"true\"")
        .contains("aria-describedby=\"username-error\"")
        .contains("name=\"csrf\" value=\"token\"")
        .contains("value=\"demandeur\"")
        .doesNotContain("??");
    assertThat(html).doesNotContain("password-error");
  }

  @Test
  void aCommuneAndItsProcedureRenderInTheRegionsThemeWithArabicDigits() {
    String commune =
        Pages.render(
            engine,
            page(Language.FR, "casablanca-settat", Optional.empty()),
            "commune",
            Map.of(
                "commune", "Casablanca",
                "communeId", "06.141.01.0",
                "region", "06",
                "open", false,
                "procedures",
                    List.of(new CommuneServlet.ProcedureLink("permis-de-construire", "Permis"))));
    assertThat(commune)
        .contains("href=\"/communes/06.141.01.0/procedures/permis-de-construire\">Permis</a>")
        .contains("href=\"/?region=06\"")
        .contains("n’accepte pas encore")
        .doesNotContain("??");

    Page arabic = page(Language.AR, "casablanca-settat", Optional.empty());
    String procedure =
        Pages.render(
            engine,
            arabic,
            "procedure",
            Map.of(
                "commune",
                "الدار البيضاء",
                "communeId",
                "06.141.01.0",
                "open",
                true,
                "procedure",
                "رخصة البناء",
                "version",
                "1.0.0",
                "documents",
                List.of(
                    new CommuneServlet.Document("تصميم", true, false, "PDF", arabic.number(20), 1)),
                "fees",
                List.of(
                    new CommuneServlet.FeeLine(
                        "رسم",
                        arabic.amount(java.math.BigDecimal.valueOf(1250)),
                        null,
                        null,
                        false)),
                "deadlines",
                List.of(new CommuneServlet.Deadline("مودع", 30, true)),
                "bodies",
                List.of(new CommuneServlet.Body("الوكالة الحضرية", true, false))));
    assertThat(procedure)
        .contains("dir=\"rtl\"")
        .contains("٣٠ يوم عمل")
        .contains("ملف واحد على الأكثر")
        .contains("١٬٢٥٠٫٠٠ درهم")
        .contains("href=\"/communes/06.141.01.0\"")
        .doesNotContain("??");
  }

  @Test
  void localPathsOnlyAreFollowedBack() {
    assertThat(Pages.localPath("/communes/06")).isEqualTo("/communes/06");
    assertThat(Pages.localPath("//evil.example")).isEqualTo("/");
    assertThat(Pages.localPath("https://evil.example")).isEqualTo("/");
    assertThat(Pages.localPath("/\\evil.example")).isEqualTo("/");
    assertThat(Pages.localPath(null)).isEqualTo("/");
  }

  private static String themeCss(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("href=\"(/assets/theme\\.[0-9a-f]{16}\\.css)\"")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
