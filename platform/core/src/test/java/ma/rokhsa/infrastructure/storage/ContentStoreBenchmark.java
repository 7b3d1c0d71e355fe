package ma.rokhsa.infrastructure.storage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import ma.rokhsa.domain.model.document.StoredContent;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Puts a 2 MB PDF into the file-system content store, side by side with a plain file copy of it
 * (with and without forcing to disk), interleaved, and prints the median and 90th percentile of
 * each. Not a test: run it as {@code docs/benchmarks.md} says. Arguments: rounds (default 60), the
 * directory to work in (default a temporary one).
 */
public final class ContentStoreBenchmark {

  private ContentStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Path work =
        args.length > 1
            ? Files.createDirectories(Path.of(args[1]))
            : Files.createTempDirectory("rokhsa-bench");
    Path pdf = scannedPlan(work.resolve("plan.pdf"));
    long size = Files.size(pdf);
    FileSystemContentStore store = new FileSystemContentStore(work.resolve("store"));
    List<Long> copies = new ArrayList<>();
    List<Long> syncedCopies = new ArrayList<>();
    List<Long> puts = new ArrayList<>();
    int warmUp = 10;
    for (int round = 0; round < warmUp + rounds; round++) {
      boolean measured = round >= warmUp;

      Path copy = work.resolve("copy-" + round + ".pdf");
      long start = System.nanoTime();
      Files.copy(pdf, copy);
      long copied = System.nanoTime() - start;
      Files.delete(copy);

      start = System.nanoTime();
      Files.copy(pdf, copy);
      try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      long synced = System.nanoTime() - start;
      Files.delete(copy);

      start = System.nanoTime();
      StoredContent stored;
      try (InputStream in = Files.newInputStream(pdf)) {
        stored = store.put(in, 20L * 1024 * 1024);
      }
      long put = System.nanoTime() - start;
      Path kept = store.root().resolve(stored.sha256().substring(0, 2));
      deleteTree(kept);

      if (measured) {
        copies.add(copied);
        syncedCopies.add(synced);
        puts.add(put);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "file: %,d bytes (application/pdf), %d rounds after %d to warm up, in %s%n",
        size,
        rounds,
        warmUp,
        work);
    System.out.println("| operation | median | p90 | median throughput |");
    System.out.println("|---|---|---|---|");
    row("Files.copy", copies, size);
    row("Files.copy + fsync", syncedCopies, size);
    row("ContentStore.put (hash, detect, fsync, atomic rename)", puts, size);
  }

  private static void row(String name, List<Long> nanos, long size) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2) / 1e6;
    double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f ms | %.2f ms | %.0f MB/s |%n",
        name,
        median,
        p90,
        size / 1e6 / (median / 1e3));
  }

  /** A PDF of about 2 MB, as a scanned plan is: one page holding a picture that hardly packs. */
  private static Path scannedPlan(Path file) throws IOException {
    BufferedImage scan = new BufferedImage(820, 820, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < scan.getHeight(); y++) {
      for (int x = 0; x < scan.getWidth(); x++) {
        scan.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(document, scan);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 20, 20, 560, 560);
      }
      document.save(file.toFile());
    }
    return file;
  }

  private static void deleteTree(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
