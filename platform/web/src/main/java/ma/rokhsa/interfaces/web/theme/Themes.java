package ma.rokhsa.interfaces.web.theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The themes of a themes directory, read at run time: a theme changed on disk is seen after at most
 * {@code reloadAfter}, without a restart. A theme that does not exist (a name in {@code
 * tenant-config/} with no directory yet) falls back to the default theme, with a warning.
 *
 * <p>Thread-safe; holds no open resource.
 *
 * <pre>{@code
 * Themes themes = new Themes(Path.of("themes"), "base", Duration.ofSeconds(10), Clock.systemUTC());
 * ThemeChain chain = themes.chain("casablanca-settat");   // casablanca-settat → base
 * String title = chain.messages(Language.AR).text("home.title");
 * }</pre>
 */
public final class Themes {

  private static final Logger LOG = Logger.getLogger(Themes.class.getName());
  private static final int MAX_DEPTH = 8;

  private final Path directory;
  private final String defaultTheme;
  private final Duration reloadAfter;
  private final Clock clock;
  private final Map<String, Loaded> chains = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private record Loaded(ThemeChain chain, Instant at) {}

  /**
   * @param directory the themes directory
   * @param defaultTheme the theme of pages outside any tenant, and the fallback for a missing one
   * @param reloadAfter how long a theme read from disk is used before it is read again
   */
  public Themes(Path directory, String defaultTheme, Duration reloadAfter, Clock clock) {
    this.directory = directory;
    this.defaultTheme = defaultTheme;
    this.reloadAfter = reloadAfter;
    this.clock = clock;
  }

  /** The default theme's chain. */
  public ThemeChain defaultChain() {
    return chain(defaultTheme);
  }

  /** The chain of this theme, or of the default theme if it does not exist. */
  public ThemeChain chain(String name) {
    String wanted = name != null && exists(name) ? name : defaultTheme;
    if (!wanted.equals(name) && name != null && warned.add(name)) {
      LOG.warning(
          () -> "Theme '" + name + "' is not in " + directory + ": its pages use " + defaultTheme);
    }
    Instant now = clock.instant();
    Loaded loaded = chains.get(wanted);
    if (loaded == null || !loaded.at().plus(reloadAfter).isAfter(now)) {
      loaded = new Loaded(read(wanted), now);
      chains.put(wanted, loaded);
    }
    return loaded.chain();
  }

  /** Whether the themes directory has a theme of this name. */
  public boolean exists(String name) {
    return Theme.NAME.matcher(name).matches()
        && Files.isRegularFile(directory.resolve(name).resolve("theme.properties"));
  }

  private ThemeChain read(String name) {
    List<Theme> themes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String next = name;
    while (next != null) {
      if (!seen.add(next) || seen.size() > MAX_DEPTH) {
        throw new IllegalStateException("themes inherit in a loop: " + String.join(" → ", seen));
      }
      if (!exists(next)) {
        throw new IllegalStateException(
            (themes.isEmpty() ? "theme " : themes.get(themes.size() - 1).name() + " inherits from ")
                + next
                + ", which is not in "
                + directory);
      }
      Theme theme = Theme.read(directory.resolve(next));
      themes.add(theme);
      next = theme.parent().orElse(null);
    }
    return new ThemeChain(themes);
  }
}
