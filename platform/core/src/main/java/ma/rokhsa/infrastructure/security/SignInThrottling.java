package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import ma.rokhsa.application.SignInThrottle;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/** Makes the node's one {@link SignInThrottle} from the {@code rokhsa.auth.throttle.*} settings. */
@ApplicationScoped
class SignInThrottling {

  /** Usernames × addresses and addresses tracked at most (a few MiB). */
  private static final int MAX_KEYS = 100_000;

  @Produces
  @jakarta.inject.Singleton
  SignInThrottle throttle(RokhsaSettings settings, Clock clock) {
    return new SignInThrottle(
        clock,
        settings.signInWindow(),
        settings.signInFailuresPerAccountAddress(),
        settings.signInFailuresPerAddress(),
        settings.signInFailuresGlobal(),
        MAX_KEYS);
  }
}
