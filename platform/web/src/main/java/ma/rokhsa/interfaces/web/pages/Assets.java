package ma.rokhsa.interfaces.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.interfaces.web.theme.ThemeChain;

/**
 * The themes' static files (stylesheets, scripts, logos), served under a fingerprinted name, {@code
 * /assets/<name>.<hash>.<ext>}, so that browsers may keep them for a year: a changed file gets a
 * new name. The fingerprint is the start of the file's SHA-256; any node finds the file from it.
 */
@ApplicationScoped
public class Assets {

  /** Where assets are served. */
  public static final String PATH = "/assets/";

  private static final Pattern FINGERPRINTED =
      Pattern.compile("([a-z0-9][a-z0-9-]*)\\.([0-9a-f]{16})\\.([a-z0-9]+)");
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "woff2", "font/woff2");

  /**
   * One asset's content.
   *
   * @param type its media type
   * @param bytes its bytes
   * @param gzipped the same, gzip-compressed, for text types (otherwise empty)
   */
  public record Asset(String type, byte[] bytes, Optional<byte[]> gzipped) {}

  private record Fingerprint(Path file, FileTime modified, long size, String hash) {}

  private final Map<Path, Fingerprint> fingerprints = new ConcurrentHashMap<>();
  private final Map<String, Asset> served = new ConcurrentHashMap<>();
  private Path themesDir;

  /** For CDI's proxy. */
  protected Assets() {}

  @Inject
  Assets(RokhsaSettings settings) {
    this.themesDir = settings.themesDir();
  }

  /** For tests: the assets of this themes directory. */
  public static Assets of(Path themesDir) {
    Assets assets = new Assets();
    assets.themesDir = themesDir;
    return assets;
  }

  /**
   * The address of the asset {@code name} ({@code rokhsa.css}) of the first theme in the chain that
   * has it.
   */
  public String url(ThemeChain chain, String name) {
    Path file =
        chain
            .file("assets/" + name)
            .orElseThrow(() -> new IllegalArgumentException("no asset " + name + " in " + chain));
    int dot = name.lastIndexOf('.');
    return PATH + name.substring(0, dot) + "." + fingerprint(file).hash() + name.substring(dot);
  }

  /** The asset with this fingerprinted name ({@code rokhsa.0123456789abcdef.css}), if any. */
  public Optional<Asset> find(String fingerprinted) {
    Asset known = served.get(fingerprinted);
    if (known != null) {
      return Optional.of(known);
    }
    Matcher m = FINGERPRINTED.matcher(fingerprinted);
    if (!m.matches() || !TYPES.containsKey(m.group(3))) {
      return Optional.empty();
    }
    String plain = m.group(1) + "." + m.group(3);
    try (Stream<Path> themes = Files.list(themesDir)) {
      Optional<Path> file =
          themes
              .map(theme -> theme.resolve("assets").resolve(plain))
              .filter(Files::isRegularFile)
              .filter(f -> fingerprint(f).hash().equals(m.group(2)))
              .findFirst();
      return file.map(f -> served.computeIfAbsent(fingerprinted, k -> load(f, m.group(3))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Fingerprint fingerprint(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      Fingerprint known = fingerprints.get(file);
      if (known != null && known.modified().equals(modified) && known.size() == size) {
        return known;
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      Fingerprint fresh =
          new Fingerprint(file, modified, size, HexFormat.of().formatHex(digest, 0, 8));
      fingerprints.put(file, fresh);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Asset load(Path file, String extension) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String type = TYPES.get(extension);
      Optional<byte[]> gzipped = Optional.empty();
      if (type.startsWith("text/") || extension.equals("svg")) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
          gzip.write(bytes);
        }
        gzipped = Optional.of(out.toByteArray());
      }
      return new Asset(type, bytes, gzipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
