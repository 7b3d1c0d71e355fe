package ma.rokhsa.application;

import java.time.Duration;

/** Issues the platform's own access tokens (signed JWTs in MicroProfile JWT form). */
public interface AccessTokens {

  /** A token for the caller, valid for the configured time. */
  Issued issue(Caller caller);

  /**
   * An issued token.
   *
   * @param token the compact JWS
   * @param validFor how long it is valid
   */
  record Issued(String token, Duration validFor) {}
}
