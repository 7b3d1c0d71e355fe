package ma.rokhsa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.rokhsa.it.support.CrashCycles;

/**
 * The crash soak of {@code platform/server/bench/crash-soak.sh}: {@link CrashCycles} for many
 * cycles, reported as Markdown for {@code docs/benchmarks.md}.
 *
 * <pre>
 * java ma.rokhsa.bench.CrashSoak db cycles cleanRestarts seed workDir
 * </pre>
 */
public final class CrashSoak {

  private CrashSoak() {}

  public static void main(String[] args) throws Exception {
    String db = args[0];
    int cycles = Integer.parseInt(args[1]);
    int clean = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Path work = Path.of(args[4]);
    String password = "soak-admin-" + seed;
    CrashCycles soak =
        new CrashCycles(
            "soak",
            Files.createDirectories(work.resolve("data")),
            Map.of("ROKHSA_ADMIN_INITIAL_PASSWORD", password),
            password,
            seed,
            line -> System.err.println(line));
    long started = System.nanoTime();
    CrashCycles.Report report = soak.run(cycles, 4, Duration.ofSeconds(4), clean);
    System.out.printf(
        Locale.ROOT,
        "Crash soak on %s, seed %d, %d cycles of kill -9 in %d min:%n%n",
        db,
        seed,
        report.cycles(),
        Duration.ofNanos(System.nanoTime() - started).toMinutes());
    System.out.println(
        "| acknowledged deposits | stored | lost | references repeated | violations |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| %d | %d | %d | %d | %d |%n%n",
        report.acknowledged(),
        report.acknowledged() - report.lost(),
        report.lost(),
        report.repeatedReferences(),
        report.violations().size());
    System.out.println("| start | count | median to ready (s) | max (s) |");
    System.out.println("|---|---|---|---|");
    row("after kill -9", report.crashRestarts());
    row("after SIGTERM (clean)", report.cleanRestarts());
    report.violations().forEach(v -> System.out.println("- " + v));
    System.exit(report.violations().isEmpty() ? 0 : 1);
  }

  private static void row(String name, List<Duration> times) {
    List<Duration> sorted = times.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f |%n",
        name,
        sorted.size(),
        sorted.get(sorted.size() / 2).toMillis() / 1000.0,
        sorted.get(sorted.size() - 1).toMillis() / 1000.0);
  }
}
