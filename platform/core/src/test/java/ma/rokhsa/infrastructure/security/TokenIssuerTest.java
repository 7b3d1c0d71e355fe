package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

  private static final String ISSUER = "https://rokhsa.test/";
  private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.750Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static TokenSigningKey key;
  private static TokenIssuer issuer;

  @BeforeAll
  static void setUp() {
    key = TokenSigningKey.generate();
    issuer = new TokenIssuer(key, ISSUER, CLOCK);
  }

  @Test
  void theTokenIsAnRs256JwsThatThePublicKeyVerifies() throws Exception {
    SignedJWT jwt =
        SignedJWT.parse(issuer.issue("u-42", "amina", Set.of("agent"), Duration.ofMinutes(15)));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
    assertThat(jwt.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
  }

  @Test
  void anotherKeyDoesNotVerifyTheToken() throws Exception {
    SignedJWT jwt = SignedJWT.parse(issuer.issue("u-42", "amina", Set.of(), Duration.ofMinutes(1)));

    assertThat(jwt.verify(new RSASSAVerifier(TokenSigningKey.generate().publicKey()))).isFalse();
  }

  @Test
  void aTamperedTokenDoesNotVerify() throws Exception {
    String token = issuer.issue("u-42", "amina", Set.of("agent"), Duration.ofMinutes(1));
    String[] parts = token.split("\\.");
    JWTClaimsSet forged =
        new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
            .claim("groups", List.of("admin"))
            .build();
    String tampered = parts[0] + "." + Base64URL.encode(forged.toString()) + "." + parts[2];

    assertThat(SignedJWT.parse(tampered).verify(new RSASSAVerifier(key.publicKey()))).isFalse();
  }

  @Test
  void theTokenCarriesTheMicroProfileJwtClaims() throws Exception {
    String token = issuer.issue("u-42", "amina", Set.of("agent", "admin"), Duration.ofMinutes(15));
    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo("u-42");
    assertThat(claims.getStringClaim("upn")).isEqualTo("amina");
    assertThat(claims.getStringClaim("preferred_username")).isEqualTo("amina");
    assertThat(claims.getStringListClaim("groups")).containsExactly("admin", "agent");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T10:30:30Z"));
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
    assertThat(claims.getClaims().keySet())
        .containsExactlyInAnyOrder(
            "iss", "sub", "upn", "preferred_username", "groups", "iat", "exp", "jti");
  }

  @Test
  void expiryMinusIssueTimeIsTheTtl() throws Exception {
    for (Duration ttl : new Duration[] {Duration.ofSeconds(1), Duration.ofHours(8)}) {
      JWTClaimsSet claims =
          SignedJWT.parse(issuer.issue("u-42", "amina", Set.of(), ttl)).getJWTClaimsSet();

      assertThat(
              Duration.between(
                  claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
          .isEqualTo(ttl);
    }
  }

  @Test
  void groupsAreAJsonArrayEvenWhenEmpty() throws Exception {
    String token = issuer.issue("u-42", "amina", Set.of(), Duration.ofMinutes(1));
    String payload = SignedJWT.parse(token).getPayload().toString();

    assertThat(payload).contains("\"groups\":[]");
  }

  @Test
  void everyTokenHasItsOwnId() throws Exception {
    String first = issuer.issue("u-42", "amina", Set.of(), Duration.ofMinutes(1));
    String second = issuer.issue("u-42", "amina", Set.of(), Duration.ofMinutes(1));

    assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
  }

  @Test
  void invalidArgumentsAreRefused() {
    Duration ttl = Duration.ofMinutes(1);
    Set<String> none = Set.of();

    assertThatThrownBy(() -> issuer.issue(null, "amina", none, ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> issuer.issue(" ", "amina", none, ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> issuer.issue("u-42", null, none, ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upn");
    assertThatThrownBy(() -> issuer.issue("u-42", "", none, ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upn");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", none, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", none, Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", none, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", none, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", null, ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groups");
    assertThatThrownBy(() -> issuer.issue("u-42", "amina", Set.of(" "), ttl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group");
  }

  @Test
  void anIssuerNeedsAKeyAnIssuerNameAndAClock() {
    assertThatThrownBy(() -> new TokenIssuer(key, " ", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer");
    assertThatThrownBy(() -> new TokenIssuer(null, ISSUER, CLOCK))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TokenIssuer(key, ISSUER, null))
        .isInstanceOf(NullPointerException.class);
  }
}
