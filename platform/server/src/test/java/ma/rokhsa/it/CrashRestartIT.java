package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import ma.rokhsa.it.support.CrashCycles;
import org.junit.jupiter.api.Test;

/**
 * A node that crashes starts again cleanly and keeps every deposit it acknowledged: a real Payara
 * Micro process started by {@code bin/rokhsa-node} as {@code ./mvnw -Prun} starts it, deposits from
 * four clients, killed with {@code kill -9} mid-deposit and started again with the same data and
 * unpack directories, three times — on the embedded H2 default, or on PostgreSQL when {@code
 * ROKHSA_DB_URL} is set. See {@link CrashCycles} for what is checked; the soak of {@code
 * platform/server/bench/crash-soak.sh} runs the same for hundreds of cycles.
 */
class CrashRestartIT {

  @Test
  void acknowledgedDepositsSurviveKillNineAndEveryRestartDeploysOnceAndAnswersCleanly()
      throws IOException {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "crash");
    Files.createDirectories(root);
    Map<String, String> env = new HashMap<>();
    // The suite's own initial password: on PostgreSQL every test shares one database.
    String adminPassword = System.getProperty("rokhsa.it.admin-password");
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", adminPassword);

    CrashCycles cycles =
        new CrashCycles(
            "crash",
            Files.createTempDirectory(root, "data-"),
            env,
            adminPassword,
            20261206L,
            System.out::println);
    CrashCycles.Report report = cycles.run(3, 4, Duration.ofSeconds(3), 0);

    assertThat(report.violations()).isEmpty();
    assertThat(report.acknowledged()).as("deposits acknowledged before the kills").isPositive();
    assertThat(report.lost()).isZero();
    assertThat(report.repeatedReferences()).isZero();
    assertThat(report.crashRestarts()).hasSize(3);
  }
}
