package ma.rokhsa.interfaces.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import ma.rokhsa.interfaces.web.theme.Themes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The themes directory of this node ({@code rokhsa.themes.dir}), read at run time: the theme of a
 * tenant is the one {@code tenant-config/} chose for it; pages outside any tenant use {@code
 * rokhsa.themes.default}.
 */
@ApplicationScoped
public class WebThemes {

  private Themes themes;

  /** For CDI's proxy. */
  protected WebThemes() {}

  @Inject
  WebThemes(RokhsaSettings settings) {
    Config config = ConfigProvider.getConfig();
    this.themes =
        new Themes(
            settings.themesDir(),
            config.getOptionalValue("rokhsa.themes.default", String.class).orElse("base"),
            reloadInterval(),
            Clock.systemUTC());
  }

  /** How long a theme read from disk is used ({@code rokhsa.themes.reload-interval}). */
  static Duration reloadInterval() {
    return Duration.parse(
        ConfigProvider.getConfig()
            .getOptionalValue("rokhsa.themes.reload-interval", String.class)
            .orElse("PT10S"));
  }

  /** The theme chain of pages outside any tenant (home, sign-in). */
  public ThemeChain national() {
    return themes.defaultChain();
  }

  /** The theme chain of a tenant's pages. */
  public ThemeChain of(Tenant tenant) {
    return themes.chain(tenant.theme());
  }

  /** The theme chain of this name (the default one if there is none of this name). */
  public ThemeChain named(String name) {
    return themes.chain(name);
  }
}
