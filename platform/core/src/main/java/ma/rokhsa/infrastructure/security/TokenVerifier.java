package ma.rokhsa.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * Verifies bearer tokens: the platform's own (RS256, its stored keys, its issuer) and, when
 * configured, those of an external OpenID Connect provider (its issuer, keys from its JWKS,
 * cached). Checks signature, issuer and validity period (60 s of clock skew); answers the username
 * the token speaks for, or nothing.
 */
@ApplicationScoped
public class TokenVerifier {

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
  private static final Set<String> REQUIRED = Set.of("iss", "exp", "iat");

  @Inject TokenKeys keys;
  @Inject RokhsaSettings settings;

  private String ownIssuer;
  private Optional<DefaultJWTProcessor<SecurityContext>> external = Optional.empty();

  @PostConstruct
  void init() {
    ownIssuer = PlatformAccessTokens.issuer(settings);
    if (settings.oidcIssuer().isPresent() && settings.oidcJwksUrl().isPresent()) {
      try {
        JWKSource<SecurityContext> jwks =
            JWKSourceBuilder.create(URI.create(settings.oidcJwksUrl().get()).toURL())
                .retrying(true)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks));
        processor.setJWTClaimsSetVerifier(
            externalClaims(settings.oidcIssuer().get(), settings.oidcAudience()));
        external = Optional.of(processor);
        if (settings.oidcAudience().isEmpty()) {
          LOG.warning(
              "rokhsa.oidc.audience is not set: tokens the provider issued to any of its clients"
                  + " are accepted here; set it to this platform's client id at the provider");
        }
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalStateException("rokhsa.oidc.jwks-url is not a URL", e);
      }
    }
  }

  /** The username the token speaks for, if it is valid. */
  public Optional<String> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (ownIssuer.equals(claims.getIssuer())) {
        return verifyOwn(jwt, claims);
      }
      if (external.isPresent() && settings.oidcIssuer().get().equals(claims.getIssuer())) {
        return externalUsername(external.get().process(jwt, null));
      }
      return Optional.empty();
    } catch (ParseException | BadJOSEException | JOSEException e) {
      LOG.log(Level.FINE, "token refused", e);
      return Optional.empty();
    }
  }

  private Optional<String> verifyOwn(SignedJWT jwt, JWTClaimsSet claims)
      throws JOSEException, BadJWTException, ParseException {
    String keyId = jwt.getHeader().getKeyID();
    if (keyId == null) {
      return Optional.empty();
    }
    Optional<TokenSigningKey> key = keys.find(keyId);
    if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().publicKey()))) {
      return Optional.empty();
    }
    new DefaultJWTClaimsVerifier<SecurityContext>(
            new JWTClaimsSet.Builder().issuer(ownIssuer).build(), REQUIRED)
        .verify(claims, null);
    return username(claims);
  }

  /**
   * What an external provider's token must carry: its issuer, and — when {@code
   * rokhsa.oidc.audience} is set — this platform among its audiences, so that a token the provider
   * issued to another of its clients (a token replayed from another application) is refused.
   */
  static DefaultJWTClaimsVerifier<SecurityContext> externalClaims(
      String issuer, Optional<String> audience) {
    Set<String> required = new java.util.HashSet<>(REQUIRED);
    audience.ifPresent(a -> required.add("aud"));
    return new DefaultJWTClaimsVerifier<>(
        audience.map(java.util.Collections::singleton).orElse(null),
        new JWTClaimsSet.Builder().issuer(issuer).build(),
        required,
        null);
  }

  /**
   * The account an external provider's token names: {@code upn} or {@code preferred_username} —
   * names the provider assigns — or an e-mail address only if the provider verified it ({@code
   * email_verified}), so that nobody signs in as an account by claiming its address.
   */
  static Optional<String> externalUsername(JWTClaimsSet claims) throws ParseException {
    for (String claim : new String[] {"upn", "preferred_username"}) {
      String value = claims.getStringClaim(claim);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    String email = claims.getStringClaim("email");
    if (email != null && !email.isBlank() && Boolean.TRUE.equals(verified(claims))) {
      return Optional.of(email);
    }
    return Optional.empty();
  }

  private static Boolean verified(JWTClaimsSet claims) {
    try {
      return claims.getBooleanClaim("email_verified");
    } catch (ParseException notABoolean) {
      return false;
    }
  }

  private static Optional<String> username(JWTClaimsSet claims) throws ParseException {
    for (String claim : new String[] {"upn", "preferred_username", "email"}) {
      String value = claims.getStringClaim(claim);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
