package ma.rokhsa.infrastructure.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.rokhsa.infrastructure.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What keeps a once-per-cluster job to one pass per period, on the real schema, on H2 as the
 * embedded default runs and on PostgreSQL when one is given (see {@link TestDatabases}).
 */
class ScheduledPassesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:30Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final TestDatabases databases = new TestDatabases();

  @AfterEach
  void drop() {
    databases.drop();
  }

  @Test
  void periodsAreAlignedOnTheEpochSoEveryNodeNamesTheSameOne() {
    assertThat(ScheduledPasses.periodStart(NOW, MINUTE)).isEqualTo("2026-12-07T12:00:00Z");
    assertThat(ScheduledPasses.periodStart(Instant.parse("2026-12-07T12:00:59.999Z"), MINUTE))
        .isEqualTo("2026-12-07T12:00:00Z");
    assertThat(ScheduledPasses.periodStart(Instant.parse("2026-12-07T12:01:00Z"), MINUTE))
        .isEqualTo("2026-12-07T12:01:00Z");
    assertThat(ScheduledPasses.periodStart(NOW, Duration.ofSeconds(2)))
        .isEqualTo("2026-12-07T12:00:30Z");
    assertThatThrownBy(() -> ScheduledPasses.periodStart(NOW, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void ofNodesRacingForAPeriodExactlyOneRunsIt(String kind) throws Exception {
    ScheduledPasses passes = new ScheduledPasses(databases.migrated(kind));
    int nodes = 8;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 0; round < 20; round++) {
        Instant period = ScheduledPasses.periodStart(NOW.plus(MINUTE.multipliedBy(round)), MINUTE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          String node = "node-" + n;
          Callable<Boolean> claim =
              () -> {
                start.await();
                return passes.claim("legal-clock", period, node, NOW);
              };
          claims.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get() ? 1 : 0;
        }
        assertThat(won).as("claims won for " + period).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(passes.since("legal-clock", NOW.minus(MINUTE))).hasSize(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aPassIsRecordedWithItsNodeAndEndAndOldPeriodsAreForgotten(String kind) {
    ScheduledPasses passes = new ScheduledPasses(databases.migrated(kind));
    Instant old = ScheduledPasses.periodStart(NOW.minus(ScheduledPasses.RETENTION), MINUTE);
    assertThat(passes.claim("legal-clock", old.minus(MINUTE), "node-a", NOW)).isTrue();
    assertThat(passes.claim("outbox-report", old.minus(MINUTE), "node-a", NOW))
        .as("another job's periods are its own")
        .isTrue();

    Instant period = ScheduledPasses.periodStart(NOW, MINUTE);
    assertThat(passes.claim("legal-clock", period, "node-b", NOW)).isTrue();
    assertThat(passes.claim("legal-clock", period, "node-a", NOW)).isFalse();
    passes.finish("legal-clock", period, "node-a", NOW.plusSeconds(1), "not mine");
    passes.finish("legal-clock", period, "node-b", NOW.plusSeconds(2), "moved 3");

    assertThat(passes.since("legal-clock", Instant.EPOCH))
        .as("the claim past the retention went when a new period was claimed")
        .containsExactly(
            new ScheduledPasses.Pass("legal-clock", period, "node-b", NOW, NOW.plusSeconds(2)));
    assertThat(passes.since("outbox-report", Instant.EPOCH)).hasSize(1);
  }
}
