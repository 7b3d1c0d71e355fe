package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium, against the real WAR
 * on its own Payara Micro in demo mode (demo accounts). French and Arabic with the switch
 * remembered, a regional theme for a commune of its region, a commune's procedure, sign-in errors
 * and sign-in, each key page's weight on a first visit, visible keyboard focus; the API beside the
 * pages unchanged. One server and one browser serve every test here.
 */
class WebPagesIT {

  /** HTML + CSS + JS transferred for one page on a first visit (fonts and images aside). */
  private static final long BUDGET = 100 * 1024;

  private static final String CASABLANCA = "06.141.01.0";

  /**
   * El Mansouria: a commune of region 06 under the readiness threshold (it takes deposits once its
   * region is enabled), in Benslimane province (06.111), not Lbir Jdid's.
   */
  private static final String EL_MANSOURIA = "06.111.01.05";

  /**
   * Lbir Jdid: a commune of region 06 (Casablanca-Settat's theme) that takes deposits once its
   * region is enabled.
   */
  private static final String LBIR_JDID = "06.181.01.05";

  private static final String DEMO_PASSWORD = "rokhsa-demo-2026";

  /** The PIN of the test signatory's key. */
  private static final String PIN = "482913";

  private static final Duration BOOT = Duration.ofSeconds(180);

  private static PayaraProcess node;
  private static ChromeDriver browser;
  private static String base;
  private static Path themes;
  private static boolean region06Open;
  private static String axe;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "web");
    Files.createDirectories(root);
    node =
        PayaraProcess.start(
            "web", Files.createTempDirectory(root, "data-"), Map.of("ROKHSA_DEMO", "true"));
    awaitReady();
    base = node.http().base().toString().replaceAll("/$", "");
    themes = Path.of(System.getProperty("rokhsa.root", "../..")).resolve("themes");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=fr-FR");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void freshVisitor() {
    browser.get(base + "/language?to=fr");
    browser.manage().deleteAllCookies();
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  @Test
  void theHomePageIsInFrenchThenInArabicRightToLeftAndTheChoiceIsRemembered() throws IOException {
    browser.get(base + "/");
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo("fr");
    assertThat(html.getAttribute("dir")).isEqualTo("ltr");
    assertThat(text("h1")).isEqualTo(message("base", "fr", "home.title"));
    assertThat(browser.getTitle()).startsWith(message("base", "fr", "home.title"));
    int brandFr = browser.findElement(By.className("header__brand")).getRect().getX();
    int navFr = browser.findElement(By.className("header__nav")).getRect().getX();
    assertThat(brandFr).as("French: the service name on the left").isLessThan(navFr);
    screenshot("home-fr");

    browser.findElement(By.id("language-switch")).click();

    html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo("ar");
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    assertThat(text("h1")).isEqualTo(message("base", "ar", "home.title"));
    assertThat(text("#language-switch")).isEqualTo("Français");
    int brandAr = browser.findElement(By.className("header__brand")).getRect().getX();
    int navAr = browser.findElement(By.className("header__nav")).getRect().getX();
    assertThat(brandAr).as("Arabic: the layout is mirrored").isGreaterThan(navAr);
    screenshot("home-ar");
    assertThat(browser.manage().getCookieNamed("rokhsa_lang").getValue()).isEqualTo("ar");

    browser.get(base + "/sign-in");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(text("h1")).isEqualTo(message("base", "ar", "signin.title"));
    assertThat(text("label[for=username]")).isEqualTo(message("base", "ar", "signin.username"));
  }

  @Test
  void aCommuneOfCasablancaSettatShowsTheRegionsThemeAndWhatAProcedureRequires()
      throws IOException {
    browser.get(base + "/");
    new Select(browser.findElement(By.id("region"))).selectByValue("06");
    // The script submits the region at once; the button does it without the script.
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.findElements(By.id("commune")).isEmpty());
    new Select(browser.findElement(By.id("commune"))).selectByValue(CASABLANCA);
    browser.findElement(By.cssSelector("form[action='/communes'] button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> b.getCurrentUrl().endsWith("/communes/" + CASABLANCA));
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("data-theme")).isEqualTo("casablanca-settat");
    WebElement banner = browser.findElement(By.id("theme-banner"));
    assertThat(banner.getAttribute("data-region-banner"))
        .as("the region's own banner template")
        .isEqualTo("casablanca-settat");
    assertThat(banner.getText()).isEqualTo(message("casablanca-settat", "fr", "banner.text"));
    assertThat(browser.findElement(By.className("header")).getCssValue("background-color"))
        .as("the region's colour, from its theme.css")
        .isEqualTo("rgba(11, 79, 138, 1)");
    screenshot("commune-casablanca-settat-fr");

    browser.findElement(By.cssSelector("a[href$='/procedures/permis-de-construire']")).click();
    assertThat(browser.getCurrentUrl())
        .endsWith("/communes/" + CASABLANCA + "/procedures/permis-de-construire");
    assertThat(text("h1")).isEqualTo("Permis de construire");
    assertThat(text("#documents")).isEqualTo(message("base", "fr", "procedure.documents"));
    assertThat(browser.findElements(By.cssSelector("#documents + dl dt"))).hasSizeGreaterThan(2);
    assertThat(browser.findElements(By.cssSelector("#deadlines + dl dt"))).isNotEmpty();
    assertThat(text("#deadlines + dl dd")).contains("jours ouvrables");
    assertThat(browser.findElements(By.cssSelector("#consulted + ul li"))).isNotEmpty();

    // In Arabic, the region's theme writes numbers in Arabic-Indic digits (digits.ar=arab).
    browser.findElement(By.id("language-switch")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(text("h1")).isEqualTo("رخصة البناء");
    screenshot("procedure-casablanca-settat-ar");
    assertThat(text("#deadlines + dl dd"))
        .containsPattern("[\u0660-\u0669]")
        .doesNotContainPattern("[0-9]");
    browser.get(base + "/language?to=fr&return=/");

    // Kénitra (region 04) keeps the national theme, as the home page does.
    browser.get(base + "/communes/04.281.01.01");
    assertThat(text("h1")).isEqualTo("Kénitra");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme"))
        .isEqualTo("base");
    browser.get(base + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme"))
        .isEqualTo("base");
    assertThat(browser.findElement(By.id("theme-banner")).getAttribute("data-region-banner"))
        .isNull();
  }

  @Test
  void signInShowsErrorsTiedToTheirFieldsThenStartsASessionCookie() throws IOException {
    browser.get(base + "/sign-in");
    browser.findElement(By.id("sign-in-submit")).click();
    WebElement summary = browser.findElement(By.cssSelector("[data-error-summary]"));
    assertThat(summary.findElements(By.cssSelector("a")))
        .extracting(WebElement::getText)
        .containsExactly(
            message("base", "fr", "signin.error.username"),
            message("base", "fr", "signin.error.password"));
    assertThat(browser.switchTo().activeElement())
        .as("the summary takes the focus")
        .isEqualTo(summary);

    browser.findElement(By.id("username")).sendKeys("demandeur");
    browser.findElement(By.id("password")).sendKeys("not-the-password");
    navigate(By.id("sign-in-submit"));
    summary = browser.findElement(By.cssSelector("[data-error-summary]"));
    WebElement link = summary.findElement(By.cssSelector("a"));
    assertThat(link.getText()).isEqualTo(message("base", "fr", "signin.error.refused"));
    assertThat(link.getAttribute("href")).endsWith("#username");
    WebElement username = browser.findElement(By.id("username"));
    assertThat(username.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(username.getAttribute("aria-describedby")).isEqualTo("username-error");
    assertThat(username.getAttribute("value")).isEqualTo("demandeur");
    screenshot("sign-in-error-fr");
    assertThat(browser.findElement(By.id("password")).getAttribute("value"))
        .as("a password is never sent back")
        .isEmpty();
    link.click();
    assertThat(browser.switchTo().activeElement()).isEqualTo(username);

    browser.findElement(By.id("password")).sendKeys("rokhsa-demo-2026");
    browser.findElement(By.id("sign-in-submit")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.findElements(By.id("signed-in-as")).isEmpty());
    assertThat(text("#signed-in-as")).contains("demandeur");
    Cookie session = browser.manage().getCookieNamed("rokhsa_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    assertThat(session.isSecure()).as("over plain http").isFalse();
    assertThat(browser.getCurrentUrl()).doesNotContain(session.getValue());

    Http http = node.http();
    Http.Response signedIn =
        http.send(
            http.request("")
                .header("Cookie", "rokhsa_session=" + session.getValue())
                .GET()
                .build());
    assertThat(signedIn.header("Cache-Control")).isEqualTo("no-store");
    assertThat(signedIn.body()).contains("demandeur");
    Http.Response anonymous = http.get("");
    assertThat(anonymous.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(anonymous.header("Content-Security-Policy")).contains("script-src 'self'");

    Http.Response forged =
        http.send(
            http.request("sign-out")
                .header("Cookie", "rokhsa_session=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=forged"))
                .build());
    assertThat(forged.status()).as("a form post without the token is refused").isEqualTo(403);

    browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.findElements(By.id("sign-in-link")).isEmpty());
  }

  @Test
  void everyKeyPageWeighsLessThanTheBudgetOnAFirstVisit() {
    List<String> pages =
        List.of(
            "/",
            "/?region=06",
            "/communes/" + CASABLANCA,
            "/communes/" + CASABLANCA + "/procedures/permis-de-construire",
            "/sign-in",
            "/track",
            "/verify");
    for (String language : List.of("fr", "ar")) {
      for (String page : pages) {
        browser.manage().deleteAllCookies();
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.get(base + "/language?to=" + language + "&return=" + page);
        long weight =
            ((Number)
                    ((JavascriptExecutor) browser)
                        .executeScript(
                            "const nav = performance.getEntriesByType('navigation')[0]; let total ="
                                + " nav.transferSize; for (const r of"
                                + " performance.getEntriesByType('resource')) {   if (['link',"
                                + " 'script', 'css'].includes(r.initiatorType)       ||"
                                + " /\\.(css|js)$/.test(r.name)) total += r.transferSize; } return"
                                + " total;"))
                .longValue();
        System.out.printf("[web] %s %s: %,d bytes transferred%n", language, page, weight);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
            .as("a page, not an error")
            .isEqualTo(language);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(weight).as(language + " " + page).isPositive().isLessThan(BUDGET);
      }
    }
  }

  @Test
  void theKeyboardFocusIsVisible() {
    browser.get(base + "/");
    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement skip = browser.switchTo().activeElement();
    assertThat(skip.getAttribute("class")).isEqualTo("skip-link");
    assertThat(skip.getCssValue("background-color")).isEqualTo("rgba(255, 221, 0, 1)");
    assertThat(skip.getRect().getX()).as("the skip link comes on screen").isGreaterThanOrEqualTo(0);

    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement brand = browser.switchTo().activeElement();
    assertThat(brand.getAttribute("class")).isEqualTo("header__brand");
    assertThat(brand.getCssValue("background-color")).isEqualTo("rgba(255, 221, 0, 1)");

    WebElement region = browser.findElement(By.id("region"));
    for (int i = 0; i < 10 && !region.equals(browser.switchTo().activeElement()); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.switchTo().activeElement()).isEqualTo(region);
    assertThat(region.getCssValue("outline-style")).isEqualTo("solid");
    assertThat(region.getCssValue("outline-color")).isEqualTo("rgba(255, 221, 0, 1)");
  }

  @Test
  void assetsAreFingerprintedAndCachedAndTheApiStillAnswersProblems() {
    browser.get(base + "/");
    String css = browser.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href");
    assertThat(URI.create(css).getPath()).matches("/assets/rokhsa\\.[0-9a-f]{16}\\.css");
    Http http = node.http();
    Http.Response asset = http.get(URI.create(css).getPath().substring(1));
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(asset.contentType()).startsWith("text/css");
    assertThat(http.get("assets/rokhsa.0000000000000000.css").status()).isEqualTo(404);

    assertProblem(http.get("api/no-such-thing"), 404, "not-found");
    assertProblem(http.get("api/auth/me"), 401, "unauthorized");
    assertThat(http.get("api/version").status()).isEqualTo(200);
    Http.Response missingPage = http.get("communes/99.999.99.9");
    assertThat(missingPage.status()).isEqualTo(404);
    assertThat(missingPage.contentType()).startsWith("text/html");
  }

  @Test
  void anApplicantDepositsAPermisDeConstruireWithJavaScriptThenFindsItInHerDossiersAndByTracking()
      throws IOException {
    Deposited deposited = deposit(true);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("class"))
        .as("the script ran")
        .contains("js");

    // Her dossiers list it (the search index follows the deposit within moments).
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(
        b -> {
          b.get(base + "/dossiers");
          return b.getPageSource().contains(deposited.reference());
        });
    assertThat(text("h1")).isEqualTo(message("base", "fr", "dossiers.title"));
    screenshot("dossiers-fr");
    navigate(By.linkText(deposited.reference()));
    assertThat(text("#reference")).isEqualTo(deposited.reference());
    assertThat(browser.findElements(By.cssSelector(".timeline li"))).hasSizeGreaterThanOrEqualTo(3);
    assertAccessible("the dossier");
    screenshot("dossier-fr");
    navigate(By.id("language-switch"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertAccessible("the dossier in Arabic");
    browser.get(base + "/language?to=fr&return=/dossiers");

    // Anyone holding the reference and the code follows it, signed in or not: nothing personal.
    browser.manage().deleteCookieNamed("rokhsa_session");
    browser.get(base + "/track");
    browser.findElement(By.id("reference")).sendKeys(deposited.reference());
    browser.findElement(By.id("code")).sendKeys("WRONGCODE234");
    navigate(By.id("track-submit"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "track.error.unknown"));
    assertThat(browser.findElements(By.id("tracking-result"))).isEmpty();

    browser.findElement(By.id("code")).sendKeys(deposited.code());
    navigate(By.id("track-submit"));
    assertThat(text("#tracking-state")).startsWith("Déposé");
    assertThat(text("#tracking-next")).contains(message("base", "fr", "track.next.guichet_agent"));
    assertThat(browser.getPageSource())
        .as("no personal data on the public page")
        .doesNotContain("Karim Benali")
        .doesNotContain("k.benali@example.ma");
    assertThat(browser.getCurrentUrl()).doesNotContain(deposited.code());
    screenshot("track-fr");

    navigate(By.id("language-switch"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(text("h1")).isEqualTo(message("base", "ar", "track.title"));
    assertAccessible("tracking in Arabic");
    screenshot("track-ar");
  }

  @Test
  void theSameDepositSucceedsWithJavaScriptDisabledAndTheDossierReadsRightToLeftInArabic()
      throws IOException {
    browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    Deposited deposited;
    try {
      deposited = deposit(false);
      assertThat(browser.findElement(By.tagName("html")).getAttribute("class"))
          .as("no script ran on these pages")
          .doesNotContain("js");
      assertThat(browser.findElements(By.tagName("progress"))).isEmpty();

      navigate(By.id("language-switch"));
      WebElement html = browser.findElement(By.tagName("html"));
      assertThat(html.getAttribute("dir")).isEqualTo("rtl");
      assertThat(html.getAttribute("lang")).isEqualTo("ar");
      assertThat(text("#reference")).isEqualTo(deposited.reference());
      assertThat(text("#state")).isEqualTo("مودع — التحقق بالشباك");
      assertThat(text("#receipt")).isEqualTo(message("base", "ar", "dossier.receipt"));
      int facts = browser.findElement(By.cssSelector("#dossier-facts dt")).getRect().getX();
      int values = browser.findElement(By.cssSelector("#dossier-facts dd")).getRect().getX();
      assertThat(facts).as("Arabic: labels on the right").isGreaterThan(values);
      screenshot("dossier-ar");
    } finally {
      browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  @Test
  void agentsInstructTheDepositOnTheBackOfficeInArabicUntilTheApplicantDownloadsItSigned()
      throws IOException {
    // Lbir Jdid's agents, as its administrators set them up through the API: a guichet agent, a
    // commission member speaking for every consulted body, a named signatory with a key and a PIN
    // (DeliveryIT's key ceremony).
    openRegion06();
    Http http = node.http();
    Http national = http.signIn("admin", DEMO_PASSWORD);
    String run = Long.toString(System.currentTimeMillis(), 36);
    String guichet = "guichet-web-" + run;
    String commission = "commission-web-" + run;
    String signatory = "signataire-web-" + run;
    TenancyIT.account(http, national, guichet, "GUICHET_AGENT", LBIR_JDID);
    DossierIT.memberWithEmail(http, national, commission);
    Http tenantAdmin =
        TenancyIT.account(http, national, "admin-web-" + run, "TENANT_ADMIN", LBIR_JDID);
    TenancyIT.account(http, national, signatory, "SIGNATORY", LBIR_JDID);
    String tenantApi = "api/tenants/" + LBIR_JDID;
    long signatoryId =
        DossierIT.created(
                tenantAdmin.post(
                    tenantApi + "/signatories",
                    "{\"fullName\": \"Nabila Rmili\", \"title\": \"Présidente du Conseil"
                        + " communal\", \"username\": \""
                        + signatory
                        + "\", \"cin\": \"JB123456\"}"))
            .path("id")
            .asLong();
    JsonNode key =
        DossierIT.created(
            tenantAdmin.post(
                tenantApi + "/signature-keys",
                "{\"signatoryId\": "
                    + signatoryId
                    + ", \"label\": \"Présidente — "
                    + run
                    + "\", \"pin\": \""
                    + PIN
                    + "\"}"));
    assertThat(key.path("status").asText()).as(key.toString()).isEqualTo("ACTIVE");

    // The applicant deposits a permis de construire, in French.
    Deposited deposited = deposit(true);
    String dossierPath = URI.create(browser.getCurrentUrl()).getPath();
    String dossierId = dossierPath.substring(dossierPath.lastIndexOf('/') + 1);
    String applicantSession = browser.manage().getCookieNamed("rokhsa_session").getValue();
    String queue = "/back-office/" + LBIR_JDID;
    String agentDossier = queue + "/dossiers/" + dossierId;

    // The guichet agent works in Arabic: the header leads to the commune's queue, soonest due
    // first; the dossier appears there as soon as the search index has it.
    browser.manage().deleteAllCookies();
    browser.get(base + "/language?to=ar&return=/sign-in");
    signIn(guichet, TenancyIT.PASSWORD);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    navigate(By.id("back-office-link"));
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(queue);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b -> {
              b.get(base + queue);
              return !b.findElements(By.linkText(deposited.reference())).isEmpty();
            });
    assertThat(text("h1")).isEqualTo(message("base", "ar", "agent.queue.title"));
    assertThat(text("#queue")).contains("مودع — التحقق بالشباك").contains("Karim Benali");
    assertThat(browser.findElements(By.cssSelector("#state option[value='depose']"))).hasSize(1);
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.navigate().refresh();
    long queueWeight = weight();
    assertAccessible("the back office's queue in Arabic");
    screenshot("back-office-queue-ar");

    navigate(By.linkText(deposited.reference()));
    assertThat(text("h1")).isEqualTo(deposited.reference());
    assertThat(text("#state")).isEqualTo("مودع — التحقق بالشباك");
    assertThat(text("#clock")).isNotEmpty();
    assertThat(text("#applicant")).contains("Karim Benali");
    assertThat(browser.getPageSource()).contains("Lotissement Al Wifaq").contains("T12345/19");
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.navigate().refresh();
    long dossierWeight = weight();
    assertAccessible("the back office's dossier in Arabic");
    screenshot("back-office-dossier-ar");
    System.out.printf(
        "[web] back office (ar): queue %,d bytes, dossier %,d bytes%n", queueWeight, dossierWeight);
    assertThat(queueWeight).isPositive().isLessThan(BUDGET);
    assertThat(dossierWeight).isPositive().isLessThan(BUDGET);

    // Each document opens in the browser's own PDF viewer; only the tenant's agents reach it.
    String file =
        URI.create(
                browser
                    .findElement(By.cssSelector("#documents a[data-document='plan-masse']"))
                    .getAttribute("href"))
            .getPath()
            .substring(1);
    String guichetSession = browser.manage().getCookieNamed("rokhsa_session").getValue();
    java.net.http.HttpResponse<byte[]> plan =
        http.sendBytes(
            http.request(file).header("Cookie", "rokhsa_session=" + guichetSession).GET().build());
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(plan.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    assertThat(new String(plan.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    java.net.http.HttpResponse<byte[]> byApplicant =
        http.sendBytes(
            http.request(file)
                .header("Cookie", "rokhsa_session=" + applicantSession)
                .GET()
                .build());
    assertThat(byApplicant.statusCode()).as("not an agent of the commune").isEqualTo(404);
    Http.Response otherCommune =
        http.send(
            http.request("back-office/" + CASABLANCA)
                .header("Cookie", "rokhsa_session=" + guichetSession)
                .GET()
                .build());
    assertThat(otherCommune.status()).as("another commune's queue").isEqualTo(404);

    // Complements asked for nothing are refused by the field; then the dossier is accepted.
    navigate(By.id("action-demander-complements"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "ar", "agent.error.items"));
    assertThat(text("#state")).isEqualTo("مودع — التحقق بالشباك");
    navigate(By.id("action-accepter"));
    assertThat(text("#done")).isEqualTo(message("base", "ar", "agent.done.accepter"));
    assertThat(text("#state")).isEqualTo("قيد الدراسة (اللجنة)");
    assertThat(browser.findElements(By.id("action-accepter"))).isEmpty();

    // The commission member gives each body's avis, in French; a reservation must say why.
    browser.manage().deleteAllCookies();
    browser.get(base + "/language?to=fr&return=/sign-in");
    signIn(commission, DossierIT.PASSWORD);
    browser.get(base + queue);
    assertThat(text("h1")).isEqualTo(message("base", "fr", "agent.queue.title"));
    assertAccessible("the back office's queue in French");
    screenshot("back-office-queue-fr");
    browser.get(base + agentDossier);
    assertThat(browser.findElements(By.cssSelector("form[id^='avis-']"))).hasSize(4);
    assertAccessible("the back office's dossier in French, with the avis to give");
    screenshot("back-office-dossier-fr");
    browser.findElement(By.id("verdict-protection-civile-FAVORABLE_WITH_RESERVATIONS")).click();
    navigate(By.id("avis-submit-protection-civile"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "agent.error.avis-motivation"));
    WebElement motivation = browser.findElement(By.id("avis-motivation-protection-civile"));
    assertThat(motivation.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(
            browser
                .findElement(By.id("verdict-protection-civile-FAVORABLE_WITH_RESERVATIONS"))
                .isSelected())
        .as("the verdict chosen is kept")
        .isTrue();
    assertAccessible("an avis with an error");
    motivation.sendKeys("Prévoir un extincteur par niveau.");
    navigate(By.id("avis-submit-protection-civile"));
    assertThat(text("#done")).isEqualTo(message("base", "fr", "agent.done.avis"));
    for (int i = 0; i < 3; i++) {
      WebElement favorable =
          browser.findElement(By.cssSelector("form[id^='avis-'] input[value='FAVORABLE']"));
      String body =
          favorable
              .getAttribute("id")
              .replaceFirst("^verdict-", "")
              .replaceFirst("-FAVORABLE$", "");
      favorable.click();
      navigate(By.id("avis-submit-" + body));
      assertThat(text("#done")).isEqualTo(message("base", "fr", "agent.done.avis"));
    }
    assertThat(browser.findElements(By.cssSelector("form[id^='avis-']"))).isEmpty();
    assertThat(text("#avis")).contains("Favorable avec réserves").contains("extincteur");

    // The signatory decides, then signs with the PIN of their key: a wrong one signs nothing.
    browser.manage().deleteAllCookies();
    browser.get(base + "/language?to=fr&return=/sign-in");
    signIn(signatory, TenancyIT.PASSWORD);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b -> {
              b.get(base + agentDossier);
              return !b.findElements(By.id("action-decider-favorable")).isEmpty();
            });
    navigate(By.id("action-decider-favorable"));
    assertThat(text("#state")).isEqualTo("Favorable — en attente de signature");
    browser.findElement(By.id("pin")).sendKeys("000000");
    navigate(By.id("action-signer"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "agent.error.wrong-pin"));
    assertThat(browser.findElement(By.id("pin")).getAttribute("value")).isEmpty();
    assertThat(text("#state")).isEqualTo("Favorable — en attente de signature");
    assertAccessible("the signature with a wrong PIN");
    browser.findElement(By.id("pin")).sendKeys(PIN);
    navigate(By.id("action-signer"));
    assertThat(text("#done")).isEqualTo(message("base", "fr", "agent.done.signed"));
    assertThat(text("#state")).isEqualTo("Permis délivré");
    screenshot("back-office-signed-fr");
    browser.get(base + queue + "/signatures");
    assertThat(browser.findElements(By.id("none-pending"))).hasSize(1);

    // The applicant downloads the signed authorization; the verification page confirms it.
    browser.manage().deleteAllCookies();
    signIn("demandeur");
    browser.get(base + dossierPath);
    assertThat(text("#state")).isEqualTo("Permis délivré");
    String authorization =
        URI.create(browser.findElement(By.id("authorization")).getAttribute("href"))
            .getPath()
            .substring(1);
    java.net.http.HttpResponse<byte[]> signed =
        http.sendBytes(
            http.request(authorization)
                .header(
                    "Cookie",
                    "rokhsa_session="
                        + browser.manage().getCookieNamed("rokhsa_session").getValue())
                .GET()
                .build());
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(new String(signed.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path pdf = Files.createTempFile("autorisation", ".pdf");
    Files.write(pdf, signed.body());
    browser.get(base + "/verify");
    browser.findElement(By.id("pdf")).sendKeys(pdf.toAbsolutePath().toString());
    navigate(By.id("verify-pdf-submit"));
    assertThat(text("#verify-result h2")).isEqualTo(message("base", "fr", "verify.pdf.valid"));
    assertThat(text("#verify-result")).contains(message("base", "fr", "verify.pdf.register.ok"));
    screenshot("verify-signed-fr");
  }

  @Test
  void aSupervisorReadsTheDelaysOfHisProvinceInFrenchAndArabicAndDownloadsThemAsCsv()
      throws IOException {
    // A provincial supervisor of Lbir Jdid's province, another of Casablanca's; a dossier deposited
    // at Lbir Jdid through the API.
    openRegion06();
    Http http = node.http();
    Http national = http.signIn("admin", DEMO_PASSWORD);
    String run = Long.toString(System.currentTimeMillis(), 36);
    String supervisor = "superviseur-delais-" + run;
    Http province =
        TenancyIT.account(http, national, supervisor, "PROVINCIAL_SUPERVISOR", "06.181");
    Http elsewhere =
        TenancyIT.account(
            http, national, "superviseur-casa-" + run, "PROVINCIAL_SUPERVISOR", "06.141");
    SearchIT.deposit(
        http.signIn("demandeur", DEMO_PASSWORD),
        "JD" + (100000 + Math.floorMod(System.nanoTime(), 899999)),
        "Karim Benali");

    // The API: the province sees Lbir Jdid's row, the other province does not; bad input is 400.
    JsonNode mine = province.get("api/reports/delays").json();
    assertThat(mine.path("rows").findValuesAsText("tenant")).contains(LBIR_JDID);
    assertThat(elsewhere.get("api/reports/delays").json().path("rows").findValuesAsText("tenant"))
        .doesNotContain(LBIR_JDID);
    assertProblem(province.get("api/reports/delays?from=2026-13-01"), 400, "bad-request");

    // The page, in French then in Arabic, from the header's link.
    signIn(supervisor, TenancyIT.PASSWORD);
    navigate(By.id("delays-link"));
    assertThat(text("h1")).isEqualTo(message("base", "fr", "delays.title"));
    WebElement row = browser.findElement(By.xpath("//table[@id='delays']//tr[th='Lbir Jdid']"));
    assertThat(row.getText()).contains("Permis de construire");
    assertAccessible("the dashboard of delays");
    screenshot("delays-fr");
    navigate(By.id("language-switch"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(text("h1")).isEqualTo(message("base", "ar", "delays.title"));
    assertThat(text("#delays")).contains("لبير الجديد");
    assertAccessible("the dashboard of delays in Arabic");
    screenshot("delays-ar");

    // The CSV the link downloads, with the page's session: a header and Lbir Jdid's row.
    String csvHref = browser.findElement(By.id("delays-csv")).getAttribute("href");
    Http.Response csv =
        http.send(
            HttpRequest.newBuilder(URI.create(csvHref))
                .header(
                    "Cookie",
                    "rokhsa_session="
                        + browser.manage().getCookieNamed("rokhsa_session").getValue())
                .GET()
                .build());
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition"))
        .matches(
            "attachment; filename=\"rokhsa-delais-\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv\"");
    try (Reader reader = new StringReader(csv.body())) {
      List<CSVRecord> records =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(reader)
              .getRecords();
      CSVRecord lbirJdid =
          records.stream()
              .filter(r -> r.get("tenant").equals(LBIR_JDID))
              .filter(r -> r.get("procedure").equals("permis-de-construire"))
              .findFirst()
              .orElseThrow();
      assertThat(lbirJdid.get("commune_ar")).isEqualTo("لبير الجديد");
      assertThat(Long.parseLong(lbirJdid.get("deposited"))).isPositive();
    }
  }

  @Test
  void theApplicantAnswersTheComplementsOnHerPageAndTheGuichetFindsTheAnswer() throws IOException {
    // A permis de construire deposited by the demo applicant through the API (the deposit pages
    // have tests of their own), and a guichet agent of Lbir Jdid.
    openRegion06();
    Http http = node.http();
    String guichet = "guichet-complements-" + Long.toString(System.currentTimeMillis(), 36);
    TenancyIT.account(
        http, http.signIn("admin", DEMO_PASSWORD), guichet, "GUICHET_AGENT", LBIR_JDID);
    Http applicant = http.signIn("demandeur", DEMO_PASSWORD);
    String api =
        "api/tenants/"
            + LBIR_JDID
            + "/dossiers/"
            + DossierIT.created(
                    applicant.post(
                        "api/tenants/" + LBIR_JDID + "/dossiers",
                        "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim"
                            + " Benali\", \"contactEmail\": \"k.benali@example.ma\", \"language\":"
                            + " \"fr\", \"values\": "
                            + DossierIT.VALUES
                            + "}"))
                .path("id")
                .asText();
    for (String document :
        List.of(DossierIT.FIRST_THREE, DossierIT.LAST_TWO).stream()
            .flatMap(List::stream)
            .toList()) {
      DossierIT.created(
          applicant.upload(api + "/attachments?document=" + document, document + ".pdf", pdf(900)));
    }
    DossierIT.created(
        applicant.send(
            applicant
                .request(api + "/submission")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
    String id = api.substring(api.lastIndexOf('/') + 1);

    // The guichet asks for a new plan de masse, with the reason, on the back office.
    signIn(guichet, TenancyIT.PASSWORD);
    browser.get(base + "/back-office/" + LBIR_JDID + "/dossiers/" + id);
    browser.findElement(By.id("item-plan-masse")).click();
    browser.findElement(By.id("reason-plan-masse")).sendKeys("cotes illisibles");
    navigate(By.id("action-demander-complements"));
    assertThat(text("#state")).isEqualTo("Compléments demandés");

    // The applicant reads what is asked on her dossier's page; an answer without the new file is
    // refused by that document's field.
    browser.manage().deleteAllCookies();
    signIn("demandeur");
    browser.get(base + "/dossiers/" + LBIR_JDID + "/" + id);
    assertThat(text("#complements")).contains("Plan de masse").contains("cotes illisibles");
    navigate(By.id("answer-submit"));
    assertThat(text("[data-error-summary] a"))
        .startsWith("Plan de masse")
        .endsWith(message("base", "fr", "dossier.complements.error.file"));
    assertThat(browser.findElement(By.id("file-plan-masse")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    Path plan = Files.createTempFile("plan-masse-cote", ".pdf");
    Files.write(plan, pdf(2_000));
    upload("plan-masse", plan);
    assertThat(text("#document-plan-masse .files")).contains(plan.getFileName().toString());
    assertAccessible("the complements asked, on the applicant's page");
    screenshot("dossier-complements-fr");

    // A change made meanwhile (another file, from another tab) leaves the page's version behind:
    // 409, the dossier shown again with the message, the answer typed kept.
    DossierIT.created(
        applicant.upload(api + "/attachments?document=plan-masse", "plan-masse-v3.pdf", pdf(900)));
    browser.findElement(By.id("answer")).sendKeys("Voici le plan de masse coté.");
    navigate(By.id("answer-submit"));
    assertThat(
            ((Number)
                    browser.executeScript(
                        "return performance.getEntriesByType('navigation')[0].responseStatus"))
                .intValue())
        .isEqualTo(409);
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "dossier.error.changed"));
    assertThat(browser.findElement(By.id("answer")).getAttribute("value"))
        .isEqualTo("Voici le plan de masse coté.");
    navigate(By.id("answer-submit"));
    assertThat(text("#answered")).isEqualTo(message("base", "fr", "dossier.complements.answered"));
    assertThat(text("#state")).startsWith("Déposé");
    assertThat(text("#complements")).contains("Voici le plan de masse coté.");
    assertThat(browser.findElements(By.id("answer-form"))).isEmpty();

    // The guichet finds the dossier back, with the answer and the new plan.
    browser.manage().deleteAllCookies();
    signIn(guichet, TenancyIT.PASSWORD);
    browser.get(base + "/back-office/" + LBIR_JDID + "/dossiers/" + id);
    assertThat(text("#state")).startsWith("Déposé");
    assertThat(browser.getPageSource()).contains("Voici le plan de masse coté.");
    assertThat(text("#documents")).contains("plan-masse-v3.pdf");
    assertThat(browser.findElements(By.id("action-accepter"))).hasSize(1);
  }

  @Test
  void supervisorsSearchTheirTerritoryWithFacetsInFrenchThenInArabic() throws IOException {
    // Two deposits through the API with one CIN of their own: in El Mansouria (Benslimane
    // province, whose supervisor the national admin sets up) and in Lbir Jdid (El Jadida province,
    // in the same region). Casablanca, over the readiness threshold, takes no deposit yet.
    openRegion06();
    Http http = node.http();
    String provincial = "superviseur-web-" + Long.toString(System.currentTimeMillis(), 36);
    TenancyIT.account(
        http, http.signIn("admin", DEMO_PASSWORD), provincial, "PROVINCIAL_SUPERVISOR", "06.111");
    Http applicant = http.signIn("demandeur", DEMO_PASSWORD);
    String cin = "SV" + (100000 + new java.util.Random().nextInt(899999));
    String inElMansouria =
        SearchIT.deposit(applicant, EL_MANSOURIA, cin, "Hajar Supervision")
            .path("reference")
            .asText();
    String inLbirJdid =
        SearchIT.deposit(applicant, LBIR_JDID, cin, "Hajar Supervision").path("reference").asText();
    String search = "/back-office/search";

    // The province's supervisor, in French: the header leads to the territory's communes and to
    // the search; the search finds the province's dossier only.
    signIn(provincial, TenancyIT.PASSWORD);
    navigate(By.id("back-office-link"));
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/back-office");
    assertThat(
            browser.findElements(
                By.cssSelector("main a[href='/back-office/" + EL_MANSOURIA + "']")))
        .hasSize(1);
    assertThat(
            browser.findElements(By.cssSelector("main a[href='/back-office/" + LBIR_JDID + "']")))
        .isEmpty();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b -> {
              b.get(base + search + "?q=" + cin);
              return !b.findElements(By.linkText(inElMansouria)).isEmpty();
            });
    browser.get(base + "/back-office");
    navigate(By.id("search-link"));
    assertThat(text("h1")).isEqualTo(message("base", "fr", "search.title"));
    assertThat(browser.findElement(By.id("search-link")).getAttribute("aria-current"))
        .isEqualTo("page");
    browser.findElement(By.id("q")).sendKeys(cin);
    navigate(By.id("search-submit"));
    assertThat(browser.getCurrentUrl()).contains("q=" + cin);
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(cin);
    assertThat(text("#results")).contains(inElMansouria).contains("Hajar Supervision");
    assertThat(browser.getPageSource()).doesNotContain(inLbirJdid);
    assertThat(text("#search-total"))
        .isEqualTo(message("base", "fr", "search.total").replace("{0}", "1"));
    assertThat(text("#facet-state legend")).isEqualTo(message("base", "fr", "search.facet.state"));
    assertThat(text("#facet-state a[data-value='depose']")).startsWith("Déposé").endsWith("(1)");
    assertThat(text("#facet-tenant a[data-value='" + EL_MANSOURIA + "']"))
        .isEqualTo("El Mansouria (1)");
    assertThat(
            browser.findElements(By.cssSelector("#facet-tenant a[data-value='" + LBIR_JDID + "']")))
        .isEmpty();

    // A facet narrows the search: the value becomes current, the form shows it, one link clears it.
    navigate(By.cssSelector("#facet-state a[data-value='depose']"));
    assertThat(browser.getCurrentUrl()).contains("state=depose").contains("q=" + cin);
    assertThat(
            browser
                .findElement(By.cssSelector("#facet-state a[data-value='depose']"))
                .getAttribute("aria-current"))
        .isEqualTo("true");
    assertThat(
            new Select(browser.findElement(By.id("state")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("depose");
    assertThat(browser.findElements(By.cssSelector("#facet-state .facet__clear"))).hasSize(1);
    assertThat(text("#results")).contains(inElMansouria);
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.navigate().refresh();
    long frenchWeight = weight();
    assertAccessible("the back office's search in French");
    screenshot("back-office-search-fr");

    // Another province's commune named in the address gives nothing, as in the API.
    browser.get(base + search + "?q=" + cin + "&tenant=" + LBIR_JDID);
    assertThat(text("#search-total"))
        .isEqualTo(message("base", "fr", "search.total").replace("{0}", "0"));
    assertThat(browser.findElements(By.id("results"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(inLbirJdid).doesNotContain(inElMansouria);

    // A dossier found opens on its back-office page.
    browser.get(base + search + "?q=" + cin);
    navigate(By.linkText(inElMansouria));
    assertThat(text("h1")).isEqualTo(inElMansouria);

    // The region's supervisor, in Arabic, right to left: both dossiers, a commune's facet narrows.
    browser.manage().deleteAllCookies();
    browser.get(base + "/language?to=ar&return=/sign-in");
    signIn("superviseur.region");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b -> {
              b.get(base + search + "?q=" + cin);
              return !b.findElements(By.linkText(inLbirJdid)).isEmpty()
                  && !b.findElements(By.linkText(inElMansouria)).isEmpty();
            });
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    assertThat(html.getAttribute("lang")).isEqualTo("ar");
    assertThat(text("h1")).isEqualTo(message("base", "ar", "search.title"));
    assertThat(text("#search-total"))
        .isEqualTo(message("base", "ar", "search.total").replace("{0}", "2"));
    assertThat(text("#facet-tenant a[data-value='" + EL_MANSOURIA + "']"))
        .isEqualTo("المنصورية (1)");
    assertThat(browser.findElements(By.cssSelector("#facet-tenant a[data-value]"))).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("#facet-province a[data-value]"))).hasSize(2);
    navigate(By.cssSelector("#facet-tenant a[data-value='" + LBIR_JDID + "']"));
    assertThat(browser.getCurrentUrl()).contains("tenant=" + LBIR_JDID);
    assertThat(text("#results")).contains(inLbirJdid).doesNotContain(inElMansouria);
    assertThat(text("#search-total"))
        .isEqualTo(message("base", "ar", "search.total").replace("{0}", "1"));
    assertThat(
            browser
                .findElement(By.cssSelector("#facet-tenant a[data-value='" + LBIR_JDID + "']"))
                .getAttribute("aria-current"))
        .isEqualTo("true");
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.navigate().refresh();
    long arabicWeight = weight();
    assertAccessible("the back office's search in Arabic");
    screenshot("back-office-search-ar");

    // The region's communes, province by province, each to its queue.
    navigate(By.id("back-office-link"));
    assertThat(
            browser.findElements(
                By.cssSelector("main a[href='/back-office/" + EL_MANSOURIA + "']")))
        .hasSize(1);
    assertThat(
            browser.findElements(By.cssSelector("main a[href='/back-office/" + LBIR_JDID + "']")))
        .hasSize(1);
    assertThat(
            browser.findElements(By.cssSelector("main a[href='" + search + "?province=06.181']")))
        .hasSize(1);
    browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.navigate().refresh();
    long homeWeight = weight();
    assertAccessible("a region's communes in Arabic");
    System.out.printf(
        "[web] search: fr %,d bytes, ar %,d bytes; a region's communes (ar) %,d bytes%n",
        frenchWeight, arabicWeight, homeWeight);
    assertThat(frenchWeight).isPositive().isLessThan(BUDGET);
    assertThat(arabicWeight).isPositive().isLessThan(BUDGET);
    assertThat(homeWeight).isPositive().isLessThan(BUDGET);
  }

  @Test
  void theVerificationPageSaysWhatTheRegisterDoesNotHold() throws IOException {
    String unknownId = LBIR_JDID + "-" + java.util.UUID.randomUUID();
    browser.get(base + "/verify/" + unknownId);
    assertThat(text("h1")).isEqualTo(message("base", "fr", "verify.title"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "verify.error.unknown"));
    Http.Response unknown = node.http().get("verify/" + unknownId);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("text/html");

    // A PDF that is no delivered authorization (unsigned, not in the register) is said so.
    Path pdf = Files.createTempFile("not-an-authorization", ".pdf");
    Files.write(pdf, pdf(3_000));
    browser.findElement(By.id("pdf")).sendKeys(pdf.toAbsolutePath().toString());
    navigate(By.id("verify-pdf-submit"));
    assertThat(text("#verify-result h2")).isEqualTo(message("base", "fr", "verify.pdf.invalid"));
    assertThat(text("#verify-result")).contains(message("base", "fr", "verify.pdf.register.bad"));
    screenshot("verify-fr");
  }

  @Test
  void axeFindsNoSeriousAccessibilityProblemOnTheKeyPagesInEitherLanguage() throws IOException {
    List<String> pages =
        List.of(
            "/",
            "/?region=06",
            "/communes/" + CASABLANCA,
            "/communes/" + CASABLANCA + "/procedures/permis-de-construire",
            "/sign-in",
            "/track",
            "/verify");
    for (String language : List.of("fr", "ar")) {
      for (String page : pages) {
        browser.get(base + "/language?to=" + language + "&return=" + page);
        assertAccessible(language + " " + page);
      }
    }
    browser.get(base + "/sign-in");
    browser.findElement(By.id("sign-in-submit")).click();
    assertAccessible("sign-in with errors");
  }

  /**
   * Injects axe-core (npm, installed by ensure-test-tools outside the repository) into the page
   * shown and fails on any serious or critical violation of WCAG 2.0, 2.1 or 2.2 A/AA.
   */
  private static void assertAccessible(String what) throws IOException {
    if (axe == null) {
      Path dir =
          Path.of(
              System.getProperty(
                  "rokhsa.axe.dir",
                  System.getProperty("user.home") + "/.cache/rokhsa/axe-core-4.14.1"));
      axe = Files.readString(dir.resolve("node_modules/axe-core/axe.min.js"));
    }
    browser.executeScript(axe);
    Object found =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + " .then(r => done(r.violations"
                + "   .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.id + ': ' + v.help + ' at '"
                + "     + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + " .catch(e => done(['axe failed: ' + e]));");
    List<String> problems = ((List<?>) found).stream().map(String::valueOf).toList();
    System.out.printf("[web] axe %s: %d serious or critical%n", what, problems.size());
    assertThat(problems).as("axe-core on " + what).isEmpty();
  }

  /** A deposit, as the applicant walks it. */
  private record Deposited(String reference, String code) {}

  /**
   * The demo applicant deposits a permis de construire at Lbir Jdid through the pages, in French:
   * who applies, each section of the form (an error shown by its field first, then a second level
   * added), the documents (a wrong type refused first), the answers checked, then submitted; the
   * receipt is a PDF. Works the same with the script or without it.
   */
  private Deposited deposit(boolean script) throws IOException {
    openRegion06();
    signIn("demandeur");
    browser.get(base + "/communes/" + LBIR_JDID + "/procedures/permis-de-construire");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme"))
        .isEqualTo("casablanca-settat");
    navigate(By.id("start-deposit"));

    // Who applies: an error tied to its field first.
    assertThat(text("h1")).isEqualTo(message("base", "fr", "start.title"));
    browser.findElement(By.id("applicantName")).sendKeys("Karim Benali");
    browser.findElement(By.id("contactEmail")).sendKeys("not-an-address");
    navigate(By.id("start-submit"));
    assertThat(text("[data-error-summary] a"))
        .isEqualTo(message("base", "fr", "start.error.email"));
    assertThat(browser.findElement(By.id("contactEmail")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    if (script) {
      assertThat(browser.switchTo().activeElement())
          .as("the summary takes the focus")
          .isEqualTo(browser.findElement(By.cssSelector("[data-error-summary]")));
    }
    browser.findElement(By.id("contactEmail")).clear();
    browser.findElement(By.id("contactEmail")).sendKeys("k.benali@example.ma");
    navigate(By.id("start-submit"));

    // The form, one section a page, from the procedure's definition.
    assertThat(text("h1")).isEqualTo("Demandeur");
    fill(
        Map.of(
            "qualite", "proprietaire",
            "nom_demandeur", "Karim Benali",
            "cin", "JA123456",
            "telephone", "12345"));
    continueButton();
    WebElement summary = browser.findElement(By.cssSelector("[data-error-summary]"));
    WebElement link = summary.findElement(By.cssSelector("a"));
    assertThat(link.getText()).startsWith("Téléphone").contains("format invalide");
    assertThat(link.getAttribute("href")).endsWith("#field-telephone");
    WebElement phone = browser.findElement(By.id("field-telephone"));
    assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(phone.getAttribute("aria-describedby")).isEqualTo("field-telephone-error");
    assertThat(phone.getAttribute("value")).as("what was typed is kept").isEqualTo("12345");
    if (script) {
      assertAccessible("a section with an error");
    } else {
      screenshot("deposit-section-error-fr");
    }
    fill(Map.of("telephone", "0661234567"));
    continueButton();

    assertThat(text("h1")).isEqualTo("Architecte");
    fill(Map.of("nom_architecte", "Salma Idrissi", "numero_ordre", "4821"));
    continueButton();
    assertThat(text("h1")).isEqualTo("Terrain");
    fill(
        Map.of(
            "titre_foncier", "T12345/19",
            "adresse_terrain", "Lotissement Al Wifaq, lot 42",
            "surface_terrain", "200",
            "zonage", "villa"));
    continueButton();
    assertThat(text("h1")).isEqualTo("Projet");
    fill(
        Map.of(
            "nature", "construction",
            "usage", "habitation",
            "etablissement_recevant_public", "false",
            "emprise_au_sol", "120",
            "surface_plancher_totale", "240",
            "hauteur", "8,5"));
    continueButton();

    // "Construction existante" applies to extensions only: the levels come next.
    assertThat(text("h1")).isEqualTo("Niveaux");
    fill(Map.of("niveaux[0].niveau", "RDC", "niveaux[0].surface_niveau", "120"));
    navigate(By.id("add-occurrence"));
    assertThat(browser.findElements(By.cssSelector("fieldset.group"))).hasSize(2);
    assertThat(browser.findElement(By.name("niveaux[0].niveau")).getAttribute("value"))
        .isEqualTo("RDC");
    fill(
        Map.of(
            "niveaux[1].niveau", "R+1",
            "niveaux[1].surface_niveau", "120",
            "niveaux[1].logements", "1"));
    long sectionWeight = weight();
    continueButton();

    // The documents: a file of the wrong type is refused by its content, then the PDFs.
    assertThat(text("h1")).isEqualTo(message("base", "fr", "documents.title"));
    Path text = Files.createTempFile("plan", ".pdf");
    Files.writeString(text, "not a PDF at all, whatever its name says");
    upload("demande", text);
    assertThat(text("[data-error-summary] a")).contains("PDF");
    assertThat(browser.findElement(By.id("file-demande")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    for (String document :
        List.of(
            "demande",
            "certificat-propriete",
            "plan-situation",
            "plan-masse",
            "plans-architecturaux")) {
      Path pdf = Files.createTempFile(document, ".pdf");
      Files.write(pdf, pdf(2_000));
      upload(document, pdf);
      assertThat(text("#document-" + document + " .files")).contains(pdf.getFileName().toString());
    }
    if (script) {
      assertAccessible("the documents");
    } else {
      screenshot("deposit-documents-fr");
    }
    navigate(By.id("to-check"));

    // Check your answers, then submit.
    assertThat(text("h1")).isEqualTo(message("base", "fr", "check.title"));
    assertThat(browser.findElements(By.cssSelector("[data-error-summary]"))).isEmpty();
    assertThat(browser.getPageSource()).contains("Propriétaire").contains("Lotissement Al Wifaq");
    assertThat(text("#fee")).contains("2").contains("400");
    long checkWeight = weight();
    if (script) {
      assertAccessible("check your answers");
    } else {
      screenshot("deposit-check-fr");
    }
    navigate(By.id("submit"));

    assertThat(text("#deposited h1")).isEqualTo(message("base", "fr", "dossier.deposited.title"));
    String reference = text("#reference");
    String code = text("#tracking-code");
    assertThat(reference).matches(LBIR_JDID.replace(".", "\\.") + "-\\d{4}-\\d{6}");
    assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{12}");
    assertThat(text("#state")).startsWith("Déposé");
    if (!script) {
      screenshot("deposit-done-fr");
    }
    System.out.printf(
        "[web] deposit pages (script %s): section %,d bytes, check %,d bytes%n",
        script, sectionWeight, checkWeight);
    assertThat(sectionWeight).isPositive().isLessThan(BUDGET);
    assertThat(checkWeight).isPositive().isLessThan(BUDGET);

    // The receipt: a PDF, for the signed-in applicant only.
    String receipt = browser.findElement(By.id("receipt")).getAttribute("href");
    Http http = node.http();
    java.net.http.HttpResponse<byte[]> pdf =
        http.sendBytes(
            http.request(URI.create(receipt).getPath().substring(1))
                .header(
                    "Cookie",
                    "rokhsa_session="
                        + browser.manage().getCookieNamed("rokhsa_session").getValue())
                .GET()
                .build());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Http.Response anonymous = http.get(URI.create(receipt).getPath().substring(1));
    assertThat(anonymous.status()).as("signed out: to the sign-in page").isEqualTo(303);
    return new Deposited(reference, code);
  }

  /** Region 06 takes deposits (its rollout enabled by the national admin, through the API). */
  private static void openRegion06() {
    if (region06Open) {
      return;
    }
    region06Open = true;
    Http national = node.http().signIn("admin", DEMO_PASSWORD);
    Http.Response enabled = national.post("api/admin/rollout/regions/06/enable?dryRun=false", "");
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
  }

  private static void signIn(String username) {
    signIn(username, DEMO_PASSWORD);
  }

  private static void signIn(String username, String password) {
    browser.get(base + "/sign-in");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.findElements(By.id("signed-in-as")).isEmpty());
  }

  /** Fills the fields of the form by their names: a select, radios or a text input. */
  private static void fill(Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          List<WebElement> radios =
              browser.findElements(By.cssSelector("input[type=radio][name='" + name + "']"));
          if (!radios.isEmpty()) {
            browser
                .findElement(
                    By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"))
                .click();
            return;
          }
          WebElement field = browser.findElement(By.name(name));
          if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
          } else {
            field.clear();
            field.sendKeys(value);
          }
        });
  }

  private static void continueButton() {
    navigate(By.id("section-submit"));
  }

  /** Clicks what leads to another page, and waits for that page. */
  private static void navigate(By what) {
    WebElement before = browser.findElement(By.tagName("html"));
    browser.findElement(what).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(replaced(before));
  }

  /** Attaches a file to a document and waits for the page that follows (or its errors). */
  private static void upload(String document, Path file) {
    WebElement before = browser.findElement(By.tagName("main"));
    browser.findElement(By.id("file-" + document)).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload-" + document)).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(replaced(before));
  }

  /**
   * The element is gone with the page that held it. Like {@link ExpectedConditions#stalenessOf},
   * except that chromedriver, asked about a node while the navigation replaces its document, may
   * answer "does not belong to the document" instead of calling it stale: that is gone too.
   */
  private static ExpectedCondition<Boolean> replaced(WebElement before) {
    return driver -> {
      try {
        before.isEnabled();
        return false;
      } catch (StaleElementReferenceException | NoSuchElementException gone) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  /** HTML + CSS + JS transferred for the page shown, as on a first visit of its assets. */
  private static long weight() {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const nav = performance.getEntriesByType('navigation')[0]; let total ="
                        + " nav.transferSize; for (const r of"
                        + " performance.getEntriesByType('resource')) {   if (['link', 'script',"
                        + " 'css'].includes(r.initiatorType)       || /\\.(css|js)$/.test(r.name))"
                        + " total += Math.max(r.transferSize, r.encodedBodySize); } return total;"))
        .longValue();
  }

  static byte[] pdf(int size) {
    byte[] head =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] pdf = new byte[Math.max(size, head.length + tail.length)];
    java.util.Arrays.fill(pdf, (byte) ' ');
    System.arraycopy(head, 0, pdf, 0, head.length);
    System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
    return pdf;
  }

  /**
   * Saves what the browser shows as target/screenshots/<name>.png, for a reviewer to look at (the
   * test never writes into the source tree).
   */
  private static void screenshot(String name) throws IOException {
    Path directory = Path.of("target", "screenshots");
    Files.createDirectories(directory);
    Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }

  /** A text as a theme's messages file says it: the page must show exactly this. */
  private static String message(String theme, String language, String key) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            themes.resolve(theme).resolve("messages_" + language + ".properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties.getProperty(key);
  }

  private static void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(BOOT);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (node.http().get("health/ready").status() == 200) {
          return;
        }
      } catch (RuntimeException notListeningYet) {
        // the listener may still be starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo node is not ready: " + node.tail());
  }
}
