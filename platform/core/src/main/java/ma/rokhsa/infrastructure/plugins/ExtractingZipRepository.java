package ma.rokhsa.infrastructure.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginRepository;

/**
 * Plugin zips come from two directories: the shipped ones (the plugins directory) and those
 * installed through the admin API ({@code <id>.zip} in the installed directory, which win over a
 * shipped zip of the same plugin). Each is unpacked into a work directory under the data directory
 * — never next to the zips, which may sit in a source checkout or a read-only volume — and unpacked
 * again only when its content changed (its SHA-256 is kept beside the copy). A shipped zip is
 * offered only if the {@link ShippedZipCheck} accepts it (its signature, {@code <zip>.p7s}); the
 * installed ones are checked before they are written to the installed directory.
 */
final class ExtractingZipRepository implements PluginRepository {

  private static final String DIGEST_FILE = ".rokhsa-sha256";

  /** Decides whether a shipped zip may be loaded at all. */
  @FunctionalInterface
  interface ShippedZipCheck {
    /**
     * @param descriptor the zip's {@code plugin.properties} ({@code plugin.id} defaults to the file
     *     name without {@code .zip})
     */
    boolean accept(Path zip, Properties descriptor);
  }

  private final Path shipped;
  private final Path installed;
  private final Path work;
  private final ShippedZipCheck check;

  ExtractingZipRepository(Path shipped, Path installed, Path work, ShippedZipCheck check) {
    this.shipped = shipped;
    this.installed = installed;
    this.work = work;
    this.check = check;
  }

  @Override
  public List<Path> getPluginPaths() {
    List<Path> paths = new ArrayList<>();
    List<String> installedIds = new ArrayList<>();
    for (Path zip : zips(installed)) {
      installedIds.add(zip.getFileName().toString().replaceFirst("\\.zip$", ""));
      paths.add(unpacked(zip, "installed-"));
    }
    for (Path zip : zips(shipped)) {
      Properties descriptor = shippedDescriptor(zip);
      if (!installedIds.contains(descriptor.getProperty("plugin.id"))
          && PluginArchives.isValidId(descriptor.getProperty("plugin.id"))
          && check.accept(zip, descriptor)) {
        paths.add(unpacked(zip, "shipped-"));
      }
    }
    return paths;
  }

  /** The descriptor of a shipped zip, its {@code plugin.id} defaulting to the file's name. */
  private static Properties shippedDescriptor(Path zip) {
    Properties descriptor = descriptor(zip).orElseGet(Properties::new);
    if (descriptor.getProperty("plugin.id", "").isBlank()) {
      descriptor.setProperty("plugin.id", zip.getFileName().toString().replaceFirst("\\.zip$", ""));
    }
    return descriptor;
  }

  /**
   * Forgets the installed plugins that are not (or no longer) to be loaded: removed through another
   * node while this one was down, or refused.
   */
  void forgetInstalledExcept(Set<String> pluginIds) {
    for (Path zip : zips(installed)) {
      String id = zip.getFileName().toString().replaceFirst("\\.zip$", "");
      if (!pluginIds.contains(id)) {
        uninstall(id);
      }
    }
  }

  @Override
  public boolean deletePluginPath(Path pluginPath) {
    try {
      deleteRecursively(pluginPath);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The installed zip of a plugin, written to the installed directory and unpacked. */
  Path install(String pluginId, byte[] zip) {
    try {
      Files.createDirectories(installed);
      Path file = installed.resolve(pluginId + ".zip");
      Files.write(file, zip);
      return unpacked(file, "installed-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets an installed plugin: its zip and its unpacked copy. */
  void uninstall(String pluginId) {
    try {
      Files.deleteIfExists(installed.resolve(pluginId + ".zip"));
      deleteRecursively(work.resolve("installed-" + pluginId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped zip of a plugin, if one is shipped. */
  Optional<Path> shippedZip(String pluginId) {
    return zips(shipped).stream()
        .filter(
            zip ->
                descriptor(zip).map(d -> pluginId.equals(d.getProperty("plugin.id"))).orElse(false))
        .findFirst();
  }

  /** The unpacked copy of the shipped zip of a plugin, if one is shipped and accepted. */
  Optional<Path> unpackedShipped(String pluginId) {
    for (Path zip : zips(shipped)) {
      Properties descriptor = shippedDescriptor(zip);
      if (pluginId.equals(descriptor.getProperty("plugin.id"))) {
        return check.accept(zip, descriptor)
            ? Optional.of(unpacked(zip, "shipped-"))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The {@code plugin.properties} of a zip, if it has one. */
  static Optional<Properties> descriptor(Path zip) {
    try (InputStream in = Files.newInputStream(zip)) {
      return descriptor(in);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The {@code plugin.properties} of a zip read from a stream, if it has one. */
  static Optional<Properties> descriptor(InputStream zip) throws IOException {
    return PluginArchives.descriptor(zip);
  }

  private static List<Path> zips(Path dir) {
    List<Path> zips = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return zips;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.zip")) {
      stream.forEach(zips::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    zips.sort(Comparator.naturalOrder());
    return zips;
  }

  private Path unpacked(Path zip, String prefix) {
    try {
      String name = prefix + zip.getFileName().toString().replaceFirst("\\.zip$", "");
      Path target = work.resolve(name);
      String digest = sha256(zip);
      Path marker = target.resolve(DIGEST_FILE);
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(digest)) {
        return target;
      }
      deleteRecursively(target);
      Files.createDirectories(target);
      PluginArchives.unpack(zip, target);
      Files.writeString(marker, digest);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  static String sha256(InputStream in) throws IOException {
    try (DigestInputStream digest =
        new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      digest.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
