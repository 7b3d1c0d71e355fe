package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import ma.rokhsa.application.Passwords;
import ma.rokhsa.application.TooManyRequests;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * The application's password hashes: Argon2id, see {@link PasswordHasher}. Each hash or
 * verification takes 19 MiB for tens of milliseconds, so at most {@code
 * rokhsa.auth.hashing.concurrency} run at once on a node; a caller waits at most {@code
 * rokhsa.auth.hashing.wait} for a slot and is otherwise refused with {@link TooManyRequests}: a
 * burst of sign-ins gets 429s, never an {@link OutOfMemoryError}.
 */
@ApplicationScoped
class Argon2Passwords implements Passwords {

  private final PasswordHasher hasher = new PasswordHasher();
  private Semaphore slots;
  private Duration wait;

  /** For CDI's proxy. */
  protected Argon2Passwords() {}

  @Inject
  Argon2Passwords(RokhsaSettings settings) {
    this(settings.hashingConcurrency(), settings.hashingWait());
  }

  /**
   * Expert: at most {@code concurrency} hashes at once, waiting at most {@code wait} for a slot.
   */
  Argon2Passwords(int concurrency, Duration wait) {
    this.slots = new Semaphore(concurrency, true);
    this.wait = wait;
  }

  @Override
  public String hash(char[] password) {
    return bounded(() -> hasher.hash(password));
  }

  @Override
  public boolean verify(char[] password, String hash) {
    return bounded(() -> hasher.verify(password, hash));
  }

  @Override
  public void verifyNothing(char[] password) {
    bounded(() -> hasher.verify(password, PasswordHasher.dummyHash()));
  }

  private <T> T bounded(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new TooManyRequests(
          "The server is busy checking passwords: try again in a moment.", Duration.ofSeconds(1));
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
