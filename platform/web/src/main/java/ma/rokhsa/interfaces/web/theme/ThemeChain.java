package ma.rokhsa.interfaces.web.theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A theme with everything it inherits: the theme first, then its parent, up to the base theme. A
 * file (template, stylesheet, logo) or a message is taken from the first theme of the chain that
 * has it.
 */
public final class ThemeChain {

  private final List<Theme> themes;
  private final Map<Language, Messages> messages = new HashMap<>();

  ThemeChain(List<Theme> themes) {
    if (themes.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least one theme");
    }
    this.themes = List.copyOf(themes);
    for (Language language : Language.values()) {
      Map<String, String> merged = new HashMap<>();
      for (int i = themes.size() - 1; i >= 0; i--) {
        merged.putAll(themes.get(i).messages().getOrDefault(language, Map.of()));
      }
      messages.put(
          language,
          new Messages(
              merged, language.locale(property("digits." + language.code()).orElse("latn"))));
    }
  }

  /** The theme's own name (the first of the chain). */
  public String name() {
    return themes.get(0).name();
  }

  /** The names, from the theme to the base theme. */
  public List<String> names() {
    return themes.stream().map(Theme::name).toList();
  }

  /** A setting of {@code theme.properties}, from the first theme of the chain that sets it. */
  public Optional<String> property(String key) {
    for (Theme theme : themes) {
      String value = theme.properties().get(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  /** The texts of the pages in this language. */
  public Messages messages(Language language) {
    return messages.get(language);
  }

  /**
   * The file at this path relative to a theme directory ({@code templates/home.html}, {@code
   * assets/rokhsa.css}), from the first theme that has it. A path that leaves the theme directory
   * is never found.
   */
  public Optional<Path> file(String relative) {
    for (Theme theme : themes) {
      Path directory = theme.directory().toAbsolutePath().normalize();
      Path file = directory.resolve(relative).normalize();
      if (file.startsWith(directory) && Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return String.join(" → ", names());
  }
}
