package ma.rokhsa.infrastructure.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import ma.rokhsa.application.InvalidInput;

/**
 * What a plugin zip may be before anything of it reaches the disk: a {@code plugin.id} and a {@code
 * plugin.version} of a safe shape (the id names files and directories: {@code ../x} must never
 * become a path), and bounded unpacking — entries and bytes counted as they are really read, never
 * as the zip's headers claim, so that a zip bomb stops at the bound instead of filling the disk.
 *
 * <pre>{@code
 * Properties descriptor = PluginArchives.inspect(zip); // throws InvalidInput
 * PluginArchives.unpack(zipFile, target);              // throws IOException past the bounds
 * }</pre>
 */
final class PluginArchives {

  /** The largest plugin zip accepted through the API. */
  static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;

  /** The most entries a plugin zip may hold. */
  static final int MAX_ENTRIES = 10_000;

  /** The most bytes a plugin zip may unpack to (a signature plugin with its libraries: 10 MB). */
  static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;

  /** Lower-case words joined by single hyphens or dots: a file name everywhere. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");

  private static final int MAX_ID_LENGTH = 64;

  /** Semantic versioning's shape: {@code 1.2.3}, {@code 1.2}, {@code 0.1.0-SNAPSHOT}… */
  private static final Pattern VERSION =
      Pattern.compile("\\d{1,9}(?:\\.\\d{1,9}){0,3}(?:-[0-9A-Za-z]+(?:\\.[0-9A-Za-z]+)*)?");

  private PluginArchives() {}

  /** Whether a plugin id is of the shape that may name a file. */
  static boolean isValidId(String id) {
    return id != null && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
  }

  /**
   * Reads a zip received through the API whole, within the bounds, and returns its descriptor.
   *
   * @throws InvalidInput if it is too large, not a zip, unpacks past the bounds, has no {@code
   *     plugin.properties} at its root, or its id or version is missing or of the wrong shape
   */
  static Properties inspect(byte[] zip) {
    if (zip.length == 0 || zip.length > MAX_ZIP_BYTES) {
      throw new InvalidInput(
          "a plugin zip must hold between 1 byte and " + MAX_ZIP_BYTES + " bytes");
    }
    Properties descriptor = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      Bounds bounds = new Bounds("the plugin zip");
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        bounds.entry(entry);
        if (entry.getName().equals("plugin.properties")) {
          byte[] bytes = bounds.read(in, OutputStream.nullOutputStream(), true);
          descriptor = new Properties();
          descriptor.load(new ByteArrayInputStream(bytes));
        } else {
          bounds.read(in, OutputStream.nullOutputStream(), false);
        }
      }
    } catch (BoundExceeded e) {
      throw new InvalidInput(e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInput("not a zip: " + e.getMessage());
    }
    if (descriptor == null) {
      throw new InvalidInput("not a plugin zip: no plugin.properties at its root");
    }
    String id = descriptor.getProperty("plugin.id", "").strip();
    String version = descriptor.getProperty("plugin.version", "").strip();
    if (id.isEmpty()) {
      throw new InvalidInput("plugin.properties has no plugin.id");
    }
    if (version.isEmpty()) {
      throw new InvalidInput("plugin.properties has no plugin.version");
    }
    if (!isValidId(id)) {
      throw new InvalidInput(
          "plugin.id must be lower-case letters and digits in words joined by '-' or '.', at"
              + " most "
              + MAX_ID_LENGTH
              + " characters");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new InvalidInput("plugin.version must be a version such as 1.2.0 or 1.2.0-rc.1");
    }
    return descriptor;
  }

  /**
   * Unpacks a zip into {@code target} (which must exist), refusing entries that point outside it
   * and stopping at the bounds.
   *
   * @throws IOException naming the zip and the reason, past a bound or on a bad entry
   */
  static void unpack(Path zip, Path target) throws IOException {
    Bounds bounds = new Bounds(zip.toString());
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        bounds.entry(entry);
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
          throw new IOException(zip + ": entry " + entry.getName() + " points outside the plugin");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          try (OutputStream file =
              Files.newOutputStream(
                  out,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
            bounds.read(in, file, false);
          }
        }
      }
    } catch (BoundExceeded e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The {@code plugin.properties} of a zip read from a stream, if it has one. */
  static Optional<Properties> descriptor(InputStream zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(zip)) {
      Bounds bounds = new Bounds("the plugin zip");
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        bounds.entry(entry);
        if (entry.getName().equals("plugin.properties")) {
          Properties properties = new Properties();
          properties.load(new ByteArrayInputStream(bounds.read(in, null, true)));
          return Optional.of(properties);
        }
      }
    } catch (BoundExceeded e) {
      throw new IOException(e.getMessage(), e);
    }
    return Optional.empty();
  }

  /** A bound passed while reading. */
  private static final class BoundExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BoundExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** Entries and bytes counted while a zip is read. */
  private static final class Bounds {
    private final String what;
    private int entries;
    private long bytes;

    Bounds(String what) {
      this.what = what;
    }

    void entry(ZipEntry entry) {
      if (++entries > MAX_ENTRIES) {
        throw new BoundExceeded(what + " holds more than " + MAX_ENTRIES + " entries");
      }
      if (entry.getName().length() > 1024) {
        throw new BoundExceeded(what + " has an entry name longer than 1024 characters");
      }
    }

    /**
     * Copies the current entry to {@code out} (if not null), counting its bytes.
     *
     * @param keep whether to return the bytes (a descriptor, small)
     */
    byte[] read(InputStream in, OutputStream out, boolean keep) throws IOException {
      java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
        if (bytes > MAX_UNPACKED_BYTES) {
          throw new BoundExceeded(
              what + " unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB");
        }
        if (kept != null) {
          if (kept.size() + n > 1024 * 1024) {
            throw new BoundExceeded(what + ": plugin.properties is larger than 1 MiB");
          }
          kept.write(buffer, 0, n);
        }
        if (out != null) {
          out.write(buffer, 0, n);
        }
      }
      return kept == null ? null : kept.toByteArray();
    }
  }
}
