package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.application.Caller;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/** The platform's own access tokens, signed with the shared key of {@link TokenKeys}. */
@ApplicationScoped
class PlatformAccessTokens implements AccessTokens {

  @Inject TokenKeys keys;
  @Inject RokhsaSettings settings;
  @Inject Clock clock;

  @Override
  public Issued issue(Caller caller) {
    TokenIssuer issuer = new TokenIssuer(keys.signing(), issuer(settings), clock);
    String token =
        issuer.issue(caller.username(), caller.username(), caller.roleNames(), settings.tokenTtl());
    return new Issued(token, settings.tokenTtl());
  }

  @Override
  public KeyRotation rotateKeys() {
    return keys.rotate();
  }

  @Override
  public java.util.List<KeyView> keys() {
    return keys.views();
  }

  /** The platform's issuer: its public address. */
  static String issuer(RokhsaSettings settings) {
    return settings.publicUrl().toString();
  }
}
