package ma.rokhsa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final SignInThrottle throttle =
      new SignInThrottle(clock, Duration.ofMinutes(15), 5, 20, 1000, 10_000);

  @Test
  void fiveFailuresFromOneAddressDoNotLockTheAccountForAnotherAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.admit("admin", "203.0.113.7");
      throttle.failed("admin", "203.0.113.7");
    }
    assertThatThrownBy(() -> throttle.admit("admin", "203.0.113.7"))
        .isInstanceOf(TooManyRequests.class)
        .satisfies(
            e ->
                assertThat(((TooManyRequests) e).retryAfter())
                    .isGreaterThan(Duration.ofMinutes(14)));
    assertThatCode(() -> throttle.admit("admin", "198.51.100.1")).doesNotThrowAnyException();
    assertThatCode(() -> throttle.admit("ADMIN ", "198.51.100.1")).doesNotThrowAnyException();
  }

  @Test
  void theWaitEndsWhenTheOldestFailureLeavesTheWindow() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("admin", "203.0.113.7");
      clock.advance(Duration.ofMinutes(1));
    }
    assertThatThrownBy(() -> throttle.admit("admin", "203.0.113.7"))
        .isInstanceOf(TooManyRequests.class);
    clock.advance(Duration.ofMinutes(11));
    assertThatCode(() -> throttle.admit("admin", "203.0.113.7")).doesNotThrowAnyException();
  }

  @Test
  void oneAddressTryingManyUsernamesWaitsForAll() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }
    assertThatThrownBy(() -> throttle.admit("someone-else", "203.0.113.7"))
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("from this address");
    assertThatCode(() -> throttle.admit("someone-else", "198.51.100.1")).doesNotThrowAnyException();
  }

  @Test
  void tooManyFailuresEverywhereSlowEveryone() {
    SignInThrottle small = new SignInThrottle(clock, Duration.ofMinutes(1), 5, 20, 30, 10_000);
    for (int i = 0; i < 30; i++) {
      small.failed("user" + i, "10.0.0." + i);
    }
    assertThatThrownBy(() -> small.admit("anyone", "192.0.2.1"))
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("on this server");
    clock.advance(Duration.ofMinutes(1));
    assertThatCode(() -> small.admit("anyone", "192.0.2.1")).doesNotThrowAnyException();
  }

  @Test
  void aRightPasswordClearsThePairButNotTheAddress() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("admin", "203.0.113.7");
    }
    throttle.succeeded("admin", "203.0.113.7");
    for (int i = 0; i < 4; i++) {
      throttle.failed("admin", "203.0.113.7");
    }
    assertThatCode(() -> throttle.admit("admin", "203.0.113.7")).doesNotThrowAnyException();
  }

  @Test
  void memoryIsBounded() {
    SignInThrottle tiny = new SignInThrottle(clock, Duration.ofMinutes(15), 5, 20, 0, 100);
    for (int i = 0; i < 10_000; i++) {
      tiny.failed("user" + i, "10.0." + (i / 250) + "." + (i % 250));
    }
    // Forgetting failures never refuses anyone more: a fresh address still gets in.
    assertThatCode(() -> tiny.admit("admin", "192.0.2.1")).doesNotThrowAnyException();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T05:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
