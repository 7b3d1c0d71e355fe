package ma.rokhsa.infrastructure.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.domain.model.document.ContentTooLarge;
import ma.rokhsa.domain.model.document.StoredContent;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemContentStoreTest {

  @TempDir Path root;
  FileSystemContentStore store;

  @BeforeEach
  void create() {
    store = new FileSystemContentStore(root);
  }

  @Test
  void keepsTheBytesUnderTheirSha256WithTheExactSize() throws Exception {
    byte[] bytes = "hello".getBytes(US_ASCII);

    StoredContent stored = store.put(new ByteArrayInputStream(bytes), 5);

    // sha256("hello"), as `printf hello | sha256sum` gives it.
    String expected = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    assertThat(stored.sha256()).isEqualTo(expected);
    assertThat(stored.size()).isEqualTo(5);
    assertThat(root.resolve("2c/f2/" + expected)).hasBinaryContent(bytes);
    assertThat(store.contains(expected)).isTrue();
    try (InputStream in = store.open(expected)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void hashesAndCountsALargeStreamExactly() throws Exception {
    byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 1);

    StoredContent stored = store.put(new ByteArrayInputStream(bytes), bytes.length);

    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(stored.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    try (InputStream in = store.open(stored.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void storesTheSameBytesOnce() throws Exception {
    byte[] bytes = randomBytes(100_000, 2);

    StoredContent first = store.put(new ByteArrayInputStream(bytes), 1_000_000);
    StoredContent second = store.put(new ByteArrayInputStream(bytes), 1_000_000);

    assertThat(second).isEqualTo(first);
    assertThat(hashes()).containsExactly(first.sha256());
    assertThat(storedFiles()).hasSize(1);
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void refusesContentPastTheLimitAndKeepsNothing() throws Exception {
    byte[] bytes = randomBytes(1001, 3);

    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(bytes), 1000))
        .isInstanceOfSatisfying(
            ContentTooLarge.class, tooLarge -> assertThat(tooLarge.limit()).isEqualTo(1000));

    assertThat(hashes()).isEmpty();
    assertThat(storedFiles()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void acceptsContentOfExactlyTheLimit() {
    byte[] bytes = randomBytes(1000, 4);

    assertThat(store.put(new ByteArrayInputStream(bytes), 1000).size()).isEqualTo(1000);
  }

  @Test
  void stopsReadingAnEndlessStreamAtTheLimit() throws Exception {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
          }
        };

    assertThatThrownBy(() -> store.put(endless, 1024 * 1024)).isInstanceOf(ContentTooLarge.class);
    assertThat(storedFiles()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void leavesNothingWhenTheStreamFails() throws Exception {
    InputStream failing =
        new InputStream() {
          private int served;

          @Override
          public int read() throws IOException {
            if (served++ > 200_000) {
              throw new IOException("connection reset");
            }
            return 'y';
          }
        };

    assertThatThrownBy(() -> store.put(failing, 10_000_000))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("connection reset");
    assertThat(storedFiles()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void concurrentPutsOfTheSameBytesKeepOneWholeCopy() throws Exception {
    byte[] bytes = randomBytes(2 * 1024 * 1024, 5);
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<StoredContent>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(new ByteArrayInputStream(bytes), bytes.length);
                }));
      }
      start.countDown();
      StoredContent first = results.get(0).get();
      for (Future<StoredContent> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
      assertThat(hashes()).containsExactly(first.sha256());
      assertThat(storedFiles()).hasSize(1);
      assertThat(temporaryFiles()).isEmpty();
      try (InputStream in = store.open(first.sha256())) {
        assertThat(in.readAllBytes()).isEqualTo(bytes);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoNodesOnOneSharedDirectoryKeepOneCopy() throws Exception {
    // Two stores on one directory, as two nodes on a shared mount: each with its own detector.
    FileSystemContentStore otherNode = new FileSystemContentStore(root, new MediaTypeDetector());
    byte[] bytes = randomBytes(512 * 1024, 9);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<StoredContent> here =
          pool.submit(
              () -> {
                start.await();
                return store.put(new ByteArrayInputStream(bytes), bytes.length);
              });
      Future<StoredContent> there =
          pool.submit(
              () -> {
                start.await();
                return otherNode.put(new ByteArrayInputStream(bytes), bytes.length);
              });
      start.countDown();

      assertThat(there.get()).isEqualTo(here.get());
      assertThat(otherNode.contains(here.get().sha256())).isTrue();
      assertThat(storedFiles()).hasSize(1);
      assertThat(temporaryFiles()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPngNamedPdfIsAPng(@TempDir Path uploads) throws Exception {
    Path misnamed = uploads.resolve("plan-de-situation.pdf");
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", misnamed.toFile());

    try (InputStream in = Files.newInputStream(misnamed)) {
      assertThat(store.put(in, 1_000_000).mediaType()).isEqualTo("image/png");
    }
  }

  @Test
  void detectsTheTypesOfADossierFromTheirBytes() throws Exception {
    assertThat(typeOf(pdf())).isEqualTo("application/pdf");
    assertThat(typeOf(image("jpeg"))).isEqualTo("image/jpeg");
    assertThat(typeOf(image("png"))).isEqualTo("image/png");
    assertThat(typeOf(image("tiff"))).isEqualTo("image/tiff");
    assertThat(typeOf(zip())).isEqualTo("application/zip");
    // AutoCAD drawings: a DWG starts with its version ("AC1032" for AutoCAD 2018); a DXF in text
    // form with its group codes.
    assertThat(typeOf(withZeros("AC1032", 256))).isEqualTo("image/vnd.dwg");
    assertThat(typeOf("  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1032\n  0\nENDSEC\n"))
        .isEqualTo("image/vnd.dxf");
    assertThat(typeOf(randomBytes(4096, 6))).isEqualTo("application/octet-stream");
  }

  @Test
  void findsNothingUnderAnUnknownOrMalformedHash() {
    String absent = "0".repeat(64);

    assertThat(store.contains(absent)).isFalse();
    assertThat(store.contains("../../etc/passwd")).isFalse();
    assertThat(store.contains(null)).isFalse();
    assertThatThrownBy(() -> store.open(absent)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> store.open("../tmp")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> store.open(absent.toUpperCase())).isInstanceOf(NotFound.class);
  }

  @Test
  void listsEveryStoredHashAndNothingElse() throws Exception {
    StoredContent one = store.put(new ByteArrayInputStream(randomBytes(10, 7)), 10);
    StoredContent two = store.put(new ByteArrayInputStream(randomBytes(10, 8)), 10);
    Files.writeString(root.resolve("README"), "not a content");
    Files.writeString(root.resolve("tmp/put-3.part"), "an upload in progress");
    Files.createDirectories(root.resolve("zz/00"));
    Files.writeString(root.resolve("zz/00/" + "0".repeat(64)), "not where its hash puts it");

    assertThat(hashes()).containsExactlyInAnyOrder(one.sha256(), two.sha256());
  }

  @Test
  void sweepsOnlyTheTemporaryFilesOlderThanTheCutoff() throws Exception {
    Path abandoned = root.resolve("tmp/put-1.part");
    Path running = root.resolve("tmp/put-2.part");
    Files.writeString(abandoned, "half");
    Files.writeString(running, "half");
    Instant now = Instant.now();
    Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofDays(1))));
    Files.setLastModifiedTime(running, FileTime.from(now));

    assertThat(store.sweepTemporaryFiles(now.minus(Duration.ofHours(6)))).isEqualTo(1);

    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void theProbeLeavesNoTrace() throws Exception {
    store.probe();

    assertThat(temporaryFiles()).isEmpty();
    assertThat(hashes()).isEmpty();
  }

  private String typeOf(byte[] bytes) {
    return store.put(new ByteArrayInputStream(bytes), bytes.length).mediaType();
  }

  private String typeOf(String text) {
    return typeOf(text.getBytes(US_ASCII));
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] image(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), format, out)) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("plans/rdc.txt"));
      zip.write("rez-de-chaussée".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] withZeros(String start, int length) {
    byte[] bytes = new byte[length];
    byte[] head = start.getBytes(US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private List<String> hashes() throws IOException {
    try (Stream<String> hashes = store.list()) {
      return hashes.toList();
    }
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !file.startsWith(root.resolve("tmp")))
          .toList();
    }
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.toList();
    }
  }

  @Test
  void collectsOnlyTheContentsNoOneRefersToAfterTheGracePeriod() throws Exception {
    StoredContent orphan = store.put(new ByteArrayInputStream("orphan".getBytes(US_ASCII)), 100);
    StoredContent kept = store.put(new ByteArrayInputStream("kept".getBytes(US_ASCII)), 100);
    StoredContent young = store.put(new ByteArrayInputStream("young".getBytes(US_ASCII)), 100);
    java.time.Instant now = java.time.Instant.now();
    age(orphan, now.minus(java.time.Duration.ofDays(8)));
    age(kept, now.minus(java.time.Duration.ofDays(8)));
    java.time.Instant cutoff = now.minus(java.time.Duration.ofDays(7));

    int deleted = store.collectUnreferenced(cutoff, sha -> sha.equals(kept.sha256()));

    assertThat(deleted).isEqualTo(1);
    assertThat(store.contains(orphan.sha256())).isFalse();
    assertThat(store.contains(kept.sha256())).as("referred to").isTrue();
    assertThat(store.contains(young.sha256())).as("within the grace period").isTrue();
  }

  @Test
  void aContentPutAgainOrReferredToWhileBeingCollectedIsKept() throws Exception {
    byte[] bytes = "again".getBytes(US_ASCII);
    StoredContent again = store.put(new ByteArrayInputStream(bytes), 100);
    StoredContent racing = store.put(new ByteArrayInputStream("racing".getBytes(US_ASCII)), 100);
    java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofDays(8));
    age(again, old);
    age(racing, old);
    // A second upload of the same bytes marks the content as put now.
    store.put(new ByteArrayInputStream(bytes), 100);
    // The transaction of a put that came before commits while the content is set aside.
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Predicate<String> referenced =
        sha -> sha.equals(racing.sha256()) && asked.incrementAndGet() > 1;

    int deleted =
        store.collectUnreferenced(
            java.time.Instant.now().minus(java.time.Duration.ofDays(7)), referenced);

    assertThat(deleted).isZero();
    assertThat(store.contains(again.sha256())).isTrue();
    assertThat(store.contains(racing.sha256())).isTrue();
    assertThat(asked.get()).as("looked at again once set aside").isEqualTo(2);
  }

  @Test
  void whatACollectionSetAsideWhenTheNodeDiedIsPutBackAtStart() throws Exception {
    StoredContent content = store.put(new ByteArrayInputStream("aside".getBytes(US_ASCII)), 100);
    Path file =
        root.resolve(content.sha256().substring(0, 2))
            .resolve(content.sha256().substring(2, 4))
            .resolve(content.sha256());
    Files.move(file, root.resolve("tmp").resolve(content.sha256() + ".collected"));
    assertThat(store.contains(content.sha256())).isFalse();

    assertThat(new FileSystemContentStore(root).restoreCollected()).isEqualTo(1);

    assertThat(store.contains(content.sha256())).isTrue();
  }

  private void age(StoredContent content, java.time.Instant when) throws Exception {
    Path file =
        root.resolve(content.sha256().substring(0, 2))
            .resolve(content.sha256().substring(2, 4))
            .resolve(content.sha256());
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(when));
  }
}
