package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ma.rokhsa.it.support.PayaraProcess;
import org.junit.jupiter.api.Test;

/**
 * A database that demo mode filled cannot go to production (ADR 0023): the same data directory,
 * started with demo mode on, then off — the second start refuses, saying why, and never serves.
 */
class ProductionGuardIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(240);

  @Test
  void aDatabaseFilledInDemoModeRefusesAStartWithDemoModeOff() throws Exception {
    Path data =
        Files.createDirectories(
            Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"))
                .resolve("guards-" + System.currentTimeMillis()));
    try (PayaraProcess demo = PayaraProcess.start("guards", data, Map.of("ROKHSA_DEMO", "true"))) {
      await(() -> ready(demo), "the demo start to be ready", demo);
      assertThat(demo.log()).contains("DEMO MODE");
    }
    try (PayaraProcess production =
        PayaraProcess.start("guards", data, Map.of("ROKHSA_DEMO", "false"))) {
      await(
          () -> production.log().contains("Rokhsa refuses to start"),
          "the refusal in the log",
          production);
      assertThat(production.log())
          .contains("demo accounts with the demo password")
          .contains("admin")
          .contains("commission.casablanca");
      assertThat(ready(production)).as("a refused start never serves").isFalse();
    }
  }

  private static boolean ready(PayaraProcess server) {
    try {
      return server.http().get("health/ready").status() == 200;
    } catch (UncheckedIOException notListening) {
      return false;
    }
  }

  private static void await(
      java.util.function.BooleanSupplier condition, String what, PayaraProcess server)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + TIMEOUT + " for " + what + ":\n" + server.tail());
      }
      Thread.sleep(500);
    }
  }
}
