package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import ma.rokhsa.application.Passwords;

/** The application's password hashes: Argon2id, see {@link PasswordHasher}. */
@ApplicationScoped
class Argon2Passwords implements Passwords {

  private final PasswordHasher hasher = new PasswordHasher();

  @Override
  public String hash(char[] password) {
    return hasher.hash(password);
  }

  @Override
  public boolean verify(char[] password, String hash) {
    return hasher.verify(password, hash);
  }

  @Override
  public void verifyNothing(char[] password) {
    hasher.verify(password, PasswordHasher.dummyHash());
  }
}
