package ma.rokhsa.domain.model.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

  @Test
  void delaysDoubleFromTheBaseUpToTheCap() {
    assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void retriesUntilTheLastAllowedAttemptThenGivesUp() {
    assertThat(policy.retryAt(1, NOW)).contains(NOW.plusSeconds(30));
    assertThat(policy.retryAt(5, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
    assertThat(policy.retryAt(6, NOW)).isEmpty();
    assertThat(policy.retryAt(7, NOW)).isEmpty();
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3))
        .hasMessageContaining("base must be positive");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
        .hasMessageContaining("cap");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
        .hasMessageContaining("at least one attempt");
    assertThatThrownBy(() -> policy.retryAt(0, NOW)).hasMessageContaining("no attempt");
  }
}
