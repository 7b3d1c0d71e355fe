package ma.rokhsa.interfaces.web.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One theme directory as read from disk: its {@code theme.properties} (with the {@code parent} it
 * inherits from) and its own messages; what it inherits is {@link ThemeChain}'s business.
 *
 * @param name the directory's name ({@code casablanca-settat})
 * @param directory where it is
 * @param properties its own {@code theme.properties}
 * @param messages its own messages, by language
 */
public record Theme(
    String name,
    Path directory,
    Map<String, String> properties,
    Map<Language, Map<String, String>> messages) {

  /** A theme's name: lower-case letters, digits and dashes, as in {@code tenant-config/}. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Theme {
    properties = Map.copyOf(properties);
    messages = Map.copyOf(messages);
  }

  /** The theme it inherits from, if any. */
  public Optional<String> parent() {
    return Optional.ofNullable(properties.get("parent"))
        .map(String::strip)
        .filter(p -> !p.isEmpty());
  }

  /** Reads the theme in {@code directory} (which must hold a {@code theme.properties}). */
  static Theme read(Path directory) {
    Map<Language, Map<String, String>> messages = new TreeMap<>();
    for (Language language : Language.values()) {
      Path file = directory.resolve("messages_" + language.code() + ".properties");
      messages.put(language, Files.isRegularFile(file) ? load(file) : Map.of());
    }
    return new Theme(
        directory.getFileName().toString(),
        directory,
        load(directory.resolve("theme.properties")),
        messages);
  }

  /** A properties file, read as UTF-8 (Arabic is written as itself, not as escapes). */
  private static Map<String, String> load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
