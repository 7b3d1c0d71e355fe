package ma.rokhsa.interfaces.web.pages;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Function;
import ma.rokhsa.interfaces.web.theme.Language;
import ma.rokhsa.interfaces.web.theme.Messages;
import ma.rokhsa.interfaces.web.theme.ThemeChain;

/**
 * What every template knows of the page it renders (the {@code page} variable): its language and
 * direction, its theme and assets, who is signed in, the form token, and how numbers and dates are
 * written in its language.
 */
public final class Page {

  private final Language language;
  private final ThemeChain theme;
  private final Function<String, String> assets;
  private final Optional<String> username;
  private final String csrf;
  private final String path;
  private final boolean agent;
  private final boolean supervisor;

  Page(
      Language language,
      ThemeChain theme,
      Function<String, String> assets,
      Optional<String> username,
      String csrf,
      String path) {
    this(language, theme, assets, username, csrf, path, false);
  }

  Page(
      Language language,
      ThemeChain theme,
      Function<String, String> assets,
      Optional<String> username,
      String csrf,
      String path,
      boolean agent) {
    this(language, theme, assets, username, csrf, path, agent, false);
  }

  Page(
      Language language,
      ThemeChain theme,
      Function<String, String> assets,
      Optional<String> username,
      String csrf,
      String path,
      boolean agent,
      boolean supervisor) {
    this.agent = agent;
    this.supervisor = supervisor;
    this.language = language;
    this.theme = theme;
    this.assets = assets;
    this.username = username;
    this.csrf = csrf;
    this.path = path;
  }

  public Language language() {
    return language;
  }

  /** {@code <html lang>}. */
  public String lang() {
    return language.code();
  }

  /** {@code <html dir>}: {@code rtl} in Arabic. */
  public String dir() {
    return language.direction();
  }

  public ThemeChain theme() {
    return theme;
  }

  /** The theme's name, for the {@code data-theme} attribute. */
  public String themeName() {
    return theme.name();
  }

  public Messages messages() {
    return theme.messages(language);
  }

  /** The fingerprinted address of a theme asset ({@code rokhsa.css}). */
  public String asset(String name) {
    return assets.apply(name);
  }

  public boolean signedIn() {
    return username.isPresent();
  }

  /** Whether the signed-in caller is an agent somewhere: the header links to the back office. */
  public boolean agent() {
    return agent;
  }

  /**
   * Whether the signed-in caller supervises a territory or the nation: the header links to the
   * dashboard of delays.
   */
  public boolean supervisor() {
    return supervisor;
  }

  public String username() {
    return username.orElse("");
  }

  /** The CSRF token every form posts back (field {@code csrf}). */
  public String csrf() {
    return csrf;
  }

  /** The page's own path (with its query), where the language switch comes back to. */
  public String path() {
    return path;
  }

  /** The other language's code: what the language switch offers. */
  public String otherLang() {
    return other().code();
  }

  /** The language switch's address: to the other language, back to this page. */
  public String languageSwitch() {
    return LanguageServlet.PATH
        + "?to="
        + other().code()
        + "&return="
        + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  private Language other() {
    return language == Language.FR ? Language.AR : Language.FR;
  }

  /** A number in the page's language (digits as the theme chooses). */
  public String number(Number value) {
    return NumberFormat.getNumberInstance(messages().locale()).format(value);
  }

  /** An amount of money: two decimals, in the page's language. */
  public String amount(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(messages().locale());
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  /** A date in the page's language ({@code 7 décembre 2026}, {@code 7 دجنبر 2026}). */
  public String date(LocalDate date) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(messages().locale())
            .withDecimalStyle(DecimalStyle.of(messages().locale()));
    return format.format(date);
  }

  /** The name in the page's language of something named in both. */
  public String name(String fr, String ar) {
    return language == Language.AR && ar != null && !ar.isBlank() ? ar : fr;
  }
}
