package ma.rokhsa.application;

/** Salted, slow password hashes. */
public interface Passwords {

  String hash(char[] password);

  /** Whether the password matches; false for any malformed hash. */
  boolean verify(char[] password, String hash);

  /** Spends the time of a verification, so that unknown usernames cannot be told by timing. */
  void verifyNothing(char[] password);
}
