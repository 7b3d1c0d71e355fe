package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenKeyRingTest {

  private static final Duration RETENTION = Duration.ofMinutes(61).plusSeconds(30);
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private final TokenSigningKey first = TokenSigningKey.generate();
  private final TokenSigningKey second = TokenSigningKey.generate();

  @Test
  void afterARotationTheNewKeySignsAndTheOldOneVerifiesUntilItsTokensHaveExpired()
      throws Exception {
    Instant rotated = T0.plus(Duration.ofDays(30));
    TokenKeyRing ring =
        new TokenKeyRing(
            List.of(
                new TokenKeyRing.Stored(first, T0, Optional.of(rotated)),
                new TokenKeyRing.Stored(second, rotated, Optional.empty())),
            RETENTION);

    assertThat(ring.signing()).isSameAs(second);
    String oldToken = token(first);
    Instant justBefore = rotated.plus(RETENTION).minusSeconds(1);
    assertThat(ring.verifying(first.keyId(), justBefore))
        .hasValueSatisfying(k -> assertThat(verifies(oldToken, k)).isTrue());
    assertThat(ring.verifying(first.keyId(), rotated.plus(RETENTION))).isEmpty();
    assertThat(ring.verifying(second.keyId(), rotated.plus(Duration.ofDays(365)))).contains(second);
    assertThat(ring.verifying("forged", rotated)).isEmpty();
    // A token signed by the old key does not verify with the new one.
    assertThat(verifies(oldToken, second)).isFalse();
  }

  @Test
  void nodesThatMadeAKeyEachAtTheSameTimeAllSignWithTheOldest() {
    TokenKeyRing ring =
        new TokenKeyRing(
            List.of(
                new TokenKeyRing.Stored(second, T0.plusMillis(5), Optional.empty()),
                new TokenKeyRing.Stored(first, T0, Optional.empty())),
            RETENTION);

    assertThat(ring.signing()).isSameAs(first);
    assertThat(ring.verifying(second.keyId(), T0.plus(Duration.ofDays(400)))).contains(second);
  }

  private static String token(TokenSigningKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).build(),
            new JWTClaimsSet.Builder().subject("agent").build());
    jwt.sign(new RSASSASigner(key.jwk()));
    return jwt.serialize();
  }

  private static boolean verifies(String token, TokenSigningKey key) {
    try {
      return SignedJWT.parse(token).verify(new RSASSAVerifier(key.publicKey()));
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
      throw new AssertionError(e);
    }
  }
}
