package ma.rokhsa.infrastructure.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pf4j.PluginRepository;

/**
 * Plugin zips are read from the plugins directory and unpacked into a work directory under the data
 * directory — never next to the zips, which may sit in a source checkout or a read-only volume. A
 * zip is unpacked again only when its content changed (its SHA-256 is kept beside the unpacked
 * copy).
 */
final class ExtractingZipRepository implements PluginRepository {

  private static final String DIGEST_FILE = ".rokhsa-sha256";

  private final Path source;
  private final Path work;

  ExtractingZipRepository(Path source, Path work) {
    this.source = source;
    this.work = work;
  }

  @Override
  public List<Path> getPluginPaths() {
    List<Path> paths = new ArrayList<>();
    if (!Files.isDirectory(source)) {
      return paths;
    }
    try (DirectoryStream<Path> zips = Files.newDirectoryStream(source, "*.zip")) {
      for (Path zip : zips) {
        paths.add(unpacked(zip));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    paths.sort(Comparator.naturalOrder());
    return paths;
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

  /** The unpacked copy of the zip, (re)made if missing or stale. */
  Path unpacked(Path zip) throws IOException {
    String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
    Path target = work.resolve(name);
    String digest = sha256(zip);
    Path marker = target.resolve(DIGEST_FILE);
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(digest)) {
      return target;
    }
    deleteRecursively(target);
    Files.createDirectories(target);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException(zip + ": entry " + entry.getName() + " points outside the plugin");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(marker, digest);
    return target;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
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
