package ma.rokhsa.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issues access tokens that MicroProfile JWT verifiers accept: compact JWS signed with RS256,
 * header {@code typ=JWT} and the key's {@code kid}, claims {@code iss}, {@code sub}, {@code upn},
 * {@code preferred_username}, {@code groups}, {@code iat}, {@code exp} and a random {@code jti}.
 *
 * <pre>{@code
 * TokenIssuer issuer = new TokenIssuer(key, "https://rokhsa.example/", Clock.systemUTC());
 * String token = issuer.issue(userId, "amina@example.ma", Set.of("agent"), Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>Thread-safe. Uses the {@link TokenSigningKey} it is given but does not own it: the key's owner
 * keeps it and, to rotate keys, makes a new issuer with the new key.
 */
public final class TokenIssuer {

  private final TokenSigningKey key;
  private final JWSSigner signer;
  private final String issuer;
  private final Clock clock;

  public TokenIssuer(TokenSigningKey key, String issuer, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.issuer = requireText(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.signer = new RSASSASigner(key.jwk());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("token signing key " + key.keyId() + " cannot sign", e);
    }
  }

  /**
   * A signed access token for the subject, valid from now for {@code ttl}. JWT times are whole
   * seconds: the issue time is truncated to the second and a fraction of a second in the ttl is
   * dropped.
   *
   * @param subject the user's stable identifier ({@code sub})
   * @param upn the name the user logs in with ({@code upn} and {@code preferred_username})
   * @param groups the user's groups, which MicroProfile JWT maps to roles; may be empty
   * @param ttl how long the token is valid, at least one second
   * @throws IllegalArgumentException if subject or upn is null or blank, a group is null or blank,
   *     or ttl is null or shorter than one second
   */
  public String issue(String subject, String upn, Set<String> groups, Duration ttl) {
    requireText(subject, "subject");
    requireText(upn, "upn");
    if (groups == null) {
      throw new IllegalArgumentException("groups must not be null (use an empty set)");
    }
    for (String group : groups) {
      requireText(group, "group");
    }
    if (ttl == null || ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("ttl must be at least one second: " + ttl);
    }
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plusSeconds(ttl.getSeconds());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim("upn", upn)
            .claim("preferred_username", upn)
            .claim("groups", List.copyOf(new TreeSet<>(groups)))
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(key.keyId())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token with key " + key.keyId(), e);
    }
    return jwt.serialize();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }
}
