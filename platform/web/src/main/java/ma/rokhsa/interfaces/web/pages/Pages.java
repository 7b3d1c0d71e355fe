package ma.rokhsa.interfaces.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import ma.rokhsa.application.Caller;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders the pages: opens a {@link Page} for a request (its language, theme, session and form
 * token) and writes a template of its theme chain with the headers every page carries (a strict
 * Content-Security-Policy with no inline script, no caching of a signed-in page).
 */
@ApplicationScoped
public class Pages {

  /** The cookie remembering the chosen language. */
  static final String LANGUAGE_COOKIE = "rokhsa_lang";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'; object-src 'none'";

  @Inject WebThemes themes;
  @Inject Assets assets;
  @Inject WebSession session;

  private TemplateEngine engine;

  @PostConstruct
  void start() {
    engine = engine(themes::named, WebThemes.reloadInterval());
  }

  /** A template engine reading templates and messages from theme chains. */
  static TemplateEngine engine(Function<String, ThemeChain> chains, Duration reloadAfter) {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(new ThemeTemplateResolver(chains, reloadAfter.toMillis()));
    engine.setMessageResolver(new ThemeMessageResolver());
    return engine;
  }

  /** Renders {@code template} of the page's theme chain with these variables, to a string. */
  static String render(TemplateEngine engine, Page page, String template, Map<String, ?> model) {
    Context context = new Context(page.messages().locale());
    context.setVariable("page", page);
    context.setVariable(ThemeMessageResolver.MESSAGES, page.messages());
    model.forEach(context::setVariable);
    StringWriter out = new StringWriter();
    engine.process(
        new TemplateSpec(
            template,
            null,
            TemplateMode.HTML,
            Map.of(ThemeTemplateResolver.THEME, page.theme().name())),
        context,
        out);
    return out.toString();
  }

  /** Opens the page of this request, in this theme chain. */
  public Page open(HttpServletRequest request, HttpServletResponse response, ThemeChain chain) {
    return open(request, response, chain, session.caller(request));
  }

  Page open(
      HttpServletRequest request,
      HttpServletResponse response,
      ThemeChain chain,
      Optional<Caller> caller) {
    String path = request.getRequestURI();
    if (request.getQueryString() != null) {
      path += "?" + request.getQueryString();
    }
    Function<String, String> urls = name -> assets.url(chain, name);
    return new Page(
        language(request),
        chain,
        urls,
        caller.map(Caller::username),
        Csrf.token(request, response, session.secure(request)),
        path,
        caller.map(Agents::agent).orElse(false),
        caller.map(DelaysServlet::supervisor).orElse(false));
  }

  /** Writes the page: {@code template} of its theme with these variables, with this status. */
  public void render(
      Page page,
      String template,
      Map<String, ?> model,
      int status,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    byte[] html = render(engine, page, template, model).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Content-Language", page.lang());
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Vary", "Cookie, Accept-Language, Accept-Encoding");
    response.setHeader("Cache-Control", page.signedIn() ? "no-store" : "no-cache");
    String accepted = request.getHeader("Accept-Encoding");
    if (accepted != null && accepted.contains("gzip")) {
      ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
        gzip.write(html);
      }
      html = gzipped.toByteArray();
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(html.length);
    response.getOutputStream().write(html);
  }

  /** The theme chains, for the servlets. */
  public WebThemes themes() {
    return themes;
  }

  /** The session, for the servlets. */
  public WebSession session() {
    return session;
  }

  /**
   * The page's language: the one chosen with the switch (cookie), else the browser's first of
   * French and Arabic, else French.
   */
  static Language language(HttpServletRequest request) {
    Optional<Language> chosen = Cookies.value(request, LANGUAGE_COOKIE).flatMap(Language::of);
    if (chosen.isPresent()) {
      return chosen.get();
    }
    Enumeration<Locale> locales = request.getLocales();
    while (locales != null && locales.hasMoreElements()) {
      Optional<Language> preferred = Language.of(locales.nextElement().getLanguage());
      if (preferred.isPresent()) {
        return preferred.get();
      }
    }
    return Language.FR;
  }

  /** A path of this site to go back to, or {@code /}: never another site ({@code //evil}). */
  static String localPath(String wanted) {
    if (wanted == null
        || !wanted.startsWith("/")
        || wanted.startsWith("//")
        || wanted.startsWith("/\\")
        || wanted.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return wanted;
  }
}
