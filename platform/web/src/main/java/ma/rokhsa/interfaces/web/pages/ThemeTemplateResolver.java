package ma.rokhsa.interfaces.web.pages;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import ma.rokhsa.interfaces.web.theme.ThemeChain;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.TTLCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.FileTemplateResource;

/**
 * Finds a template ({@code home}, {@code layout}) in the theme chain named by the {@code theme}
 * template resolution attribute: {@code templates/<name>.html} of the first theme that has it. A
 * theme overrides a template by holding a file of that name; parsed templates are kept for {@code
 * ttl}, then looked up again, so that a changed theme is seen without a restart.
 */
final class ThemeTemplateResolver implements ITemplateResolver {

  /** The template resolution attribute naming the theme. */
  static final String THEME = "theme";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Function<String, ThemeChain> chains;
  private final long ttlMillis;

  ThemeTemplateResolver(Function<String, ThemeChain> chains, long ttlMillis) {
    this.chains = chains;
    this.ttlMillis = ttlMillis;
  }

  @Override
  public String getName() {
    return "rokhsa-themes";
  }

  @Override
  public Integer getOrder() {
    return 1;
  }

  @Override
  public TemplateResolution resolveTemplate(
      IEngineConfiguration configuration,
      String ownerTemplate,
      String template,
      Map<String, Object> templateResolutionAttributes) {
    Object theme =
        templateResolutionAttributes == null ? null : templateResolutionAttributes.get(THEME);
    if (!(theme instanceof String name) || !NAME.matcher(template).matches()) {
      return null;
    }
    Optional<Path> file = chains.apply(name).file("templates/" + template + ".html");
    return file.map(
            f ->
                new TemplateResolution(
                    new FileTemplateResource(f.toString(), "UTF-8"),
                    true,
                    TemplateMode.HTML,
                    false,
                    new TTLCacheEntryValidity(ttlMillis)))
        .orElse(null);
  }
}
