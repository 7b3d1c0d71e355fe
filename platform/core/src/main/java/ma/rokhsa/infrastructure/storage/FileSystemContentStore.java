package ma.rokhsa.infrastructure.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.document.ContentTooLarge;
import ma.rokhsa.domain.model.document.StoredContent;

/**
 * A content-addressed store in a directory: the content of hash {@code abcd…} is the file {@code
 * <root>/ab/cd/abcd…}. A put writes to a temporary file under {@code <root>/tmp/} (same file
 * system), forces it to disk, then renames it into place atomically; readers see a whole content or
 * none. Several writers — threads, or nodes sharing the directory — may put the same bytes at once:
 * each renames an identical file over the same name. Temporary files are deleted whatever happens;
 * those a crash left behind are swept by {@link #sweepTemporaryFiles(Instant)}.
 *
 * <p>The directory needs a file system with atomic rename within it: a local disk, or a shared
 * mount (NFS v4, CephFS, …) that every node sees at the same path. Holds no open resource: nothing
 * to close.
 *
 * <pre>{@code
 * ContentStore store = new FileSystemContentStore(Path.of("/var/lib/rokhsa/content"));
 * StoredContent stored = store.put(upload, 20 * 1024 * 1024);
 * try (InputStream in = store.open(stored.sha256())) { ... }
 * }</pre>
 */
public final class FileSystemContentStore implements ContentStore {

  private static final Logger LOG = Logger.getLogger(FileSystemContentStore.class.getName());
  private static final String TEMPORARY_SUFFIX = ".part";

  /** A content renamed aside by {@link #collectUnreferenced}, until it is deleted or put back. */
  private static final String COLLECTED_SUFFIX = ".collected";

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final Pattern HEX_PAIR = Pattern.compile("[0-9a-f]{2}");

  private final Path root;
  private final Path temporary;
  private final MediaTypeDetector detector;

  /** A store in {@code root}, created if missing. */
  public FileSystemContentStore(Path root) {
    this(root, new MediaTypeDetector());
  }

  public FileSystemContentStore(Path root, MediaTypeDetector detector) {
    this.root = root.toAbsolutePath().normalize();
    this.temporary = this.root.resolve("tmp");
    this.detector = Objects.requireNonNull(detector, "detector");
    try {
      Files.createDirectories(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the content store in " + this.root, e);
    }
  }

  /** The directory the store keeps its contents in. */
  public Path root() {
    return root;
  }

  @Override
  public StoredContent put(InputStream in, long maxBytes) {
    Objects.requireNonNull(in, "input");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("negative limit: " + maxBytes);
    }
    Path part = null;
    try {
      part = Files.createTempFile(temporary, "put-", TEMPORARY_SUFFIX);
      MessageDigest sha256 = sha256();
      byte[] head = new byte[Math.max(1, detector.headLength())];
      int headLength = 0;
      long size = 0;
      try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read; (read = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
          size += read;
          if (size > maxBytes) {
            throw new ContentTooLarge(maxBytes);
          }
          sha256.update(buffer, 0, read);
          if (headLength < head.length) {
            int copied = Math.min(read, head.length - headLength);
            System.arraycopy(buffer, 0, head, headLength, copied);
            headLength += copied;
          }
          ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
        }
        out.force(true);
      }
      StoredContent stored =
          new StoredContent(
              HexFormat.of().formatHex(sha256.digest()), size, detector.detect(head, headLength));
      Path target = pathOf(stored.sha256());
      if (!touch(target)) {
        moveIntoPlace(part, target);
      }
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException("storing a content in " + root + " failed", e);
    } finally {
      if (part != null) {
        deleteQuietly(part);
      }
    }
  }

  /**
   * Marks a content already stored as put again now, so that {@link #collectUnreferenced} leaves it
   * for its whole grace period; false if it is not (or no longer) there.
   */
  private static boolean touch(Path target) throws IOException {
    try {
      Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
      return true;
    } catch (NoSuchFileException absent) {
      return false;
    }
  }

  private void moveIntoPlace(Path part, Path target) throws IOException {
    Path directory = target.getParent();
    Files.createDirectories(directory);
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException alreadyThere) {
      // Another writer renamed the same bytes into place first (file systems that refuse to
      // replace): what is there is what we would have written.
      return;
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + root + " cannot rename atomically: it cannot hold the store", e);
    }
    forceDirectory(directory);
  }

  /** Makes the new directory entry durable, where the platform allows it (not on Windows). */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot force directory " + directory + " to disk", e);
    }
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    if (!StoredContent.isSha256(sha256)) {
      throw notFound(sha256);
    }
    try {
      return Files.newInputStream(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw notFound(sha256);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return StoredContent.isSha256(sha256) && Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public Stream<String> list() throws IOException {
    // Only the ab/cd/ levels: the temporary directory changes under concurrent puts, and the
    // content directories never lose an entry.
    return hexDirectories(root)
        .flatMap(FileSystemContentStore::hexDirectories)
        .flatMap(FileSystemContentStore::entries)
        .filter(path -> StoredContent.isSha256(path.getFileName().toString()))
        .filter(path -> path.equals(pathOf(path.getFileName().toString())))
        .map(path -> path.getFileName().toString());
  }

  private static Stream<Path> hexDirectories(Path directory) {
    return entries(directory)
        .filter(path -> HEX_PAIR.matcher(path.getFileName().toString()).matches())
        .filter(Files::isDirectory);
  }

  private static Stream<Path> entries(Path directory) {
    try {
      return Files.list(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /**
   * Checks that the directory can hold the store: writes a small file, forces it to disk, renames
   * it atomically and reads it back, in the temporary directory (no content is added).
   *
   * @throws UncheckedIOException with the reason when it cannot
   */
  public void probe() {
    byte[] bytes = ("Rokhsa content store probe " + Instant.now() + "\n").getBytes(UTF_8);
    Path written = null;
    Path renamed = null;
    try {
      written = Files.createTempFile(temporary, "probe-", TEMPORARY_SUFFIX);
      renamed = written.resolveSibling(written.getFileName() + ".renamed" + TEMPORARY_SUFFIX);
      try (FileChannel out = FileChannel.open(written, StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap(bytes));
        out.force(true);
      }
      Files.move(written, renamed, StandardCopyOption.ATOMIC_MOVE);
      if (!Arrays.equals(Files.readAllBytes(renamed), bytes)) {
        throw new IOException("it reads back other bytes than were written");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the directory " + root + " cannot hold the content store: " + e.getMessage(), e);
    } finally {
      for (Path file : new Path[] {written, renamed}) {
        if (file != null) {
          deleteQuietly(file);
        }
      }
    }
  }

  /**
   * Deletes the temporary files last modified before {@code cutoff}: what puts interrupted by a
   * crash left behind. With several nodes on one directory, give a cutoff well before any put still
   * running could have started.
   *
   * @return how many were deleted
   */
  public int sweepTemporaryFiles(Instant cutoff) throws IOException {
    FileTime before = FileTime.from(cutoff);
    int deleted = 0;
    try (Stream<Path> files = Files.list(temporary)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(TEMPORARY_SUFFIX)
            && Files.getLastModifiedTime(file).compareTo(before) < 0
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /**
   * Deletes the contents last put before {@code cutoff} that nothing refers to: files whose
   * transaction failed after they were stored, contents of dossiers deleted. Safe while puts run,
   * on this node or another sharing the directory:
   *
   * <ol>
   *   <li>a content put again (a repeated put {@link #touch touches} it) is newer than the cutoff
   *       and is kept;
   *   <li>a candidate is first renamed aside, atomically; a put that comes after finds it absent
   *       and writes it anew;
   *   <li>then, aside, it is looked at again: touched in the meantime, or referred to now (the
   *       transaction of a put that came before committed), it is put back; otherwise deleted.
   * </ol>
   *
   * The cutoff must leave more time than any transaction that stores a content and then records its
   * hash may take (a grace period of days, not seconds).
   *
   * @param referenced whether a content's hash is recorded anywhere (looked up afresh each call)
   * @return how many contents were deleted
   */
  public int collectUnreferenced(Instant cutoff, java.util.function.Predicate<String> referenced)
      throws IOException {
    FileTime before = FileTime.from(cutoff);
    int deleted = 0;
    List<String> hashes;
    try (Stream<String> all = list()) {
      hashes = all.toList();
    }
    for (String sha256 : hashes) {
      Path file = pathOf(sha256);
      try {
        if (Files.getLastModifiedTime(file).compareTo(before) >= 0 || referenced.test(sha256)) {
          continue;
        }
        Path aside = temporary.resolve(sha256 + COLLECTED_SUFFIX);
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        if (Files.getLastModifiedTime(aside).compareTo(before) >= 0 || referenced.test(sha256)) {
          putBack(aside, file);
          continue;
        }
        Files.delete(aside);
        deleted++;
        LOG.fine(() -> "content store: deleted unreferenced content " + sha256);
      } catch (NoSuchFileException gone) {
        // collected by another node meanwhile
      }
    }
    return deleted;
  }

  /**
   * Puts back the contents a collection had renamed aside when the node died: one of them may have
   * been referred to meanwhile. The next collection looks at them again.
   *
   * @return how many were put back
   */
  public int restoreCollected() throws IOException {
    int restored = 0;
    try (Stream<Path> files = Files.list(temporary)) {
      for (Path aside : (Iterable<Path>) files::iterator) {
        String name = aside.getFileName().toString();
        if (!name.endsWith(COLLECTED_SUFFIX)) {
          continue;
        }
        String sha256 = name.substring(0, name.length() - COLLECTED_SUFFIX.length());
        if (StoredContent.isSha256(sha256)) {
          Files.createDirectories(pathOf(sha256).getParent());
          putBack(aside, pathOf(sha256));
          restored++;
        }
      }
    }
    return restored;
  }

  private static void putBack(Path aside, Path file) throws IOException {
    try {
      Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException putAgain) {
      // A put wrote the same bytes anew meanwhile: what is there is the same content.
      Files.deleteIfExists(aside);
    }
  }

  private Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private static NotFound notFound(String sha256) {
    return new NotFound("no stored content has the SHA-256 " + sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete the temporary file " + file, e);
    }
  }
}
