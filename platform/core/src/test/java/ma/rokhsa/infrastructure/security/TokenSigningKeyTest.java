package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSigningKeyTest {

  private static TokenSigningKey key;

  @BeforeAll
  static void generateOnce() {
    key = TokenSigningKey.generate();
  }

  @Test
  void aGeneratedKeyIsAnRsa2048SigningKeyWithAKeyId() throws Exception {
    RSAKey jwk = RSAKey.parse(key.toPrivateJwkJson());

    assertThat(key.keyId()).isNotBlank().isEqualTo(jwk.getKeyID());
    assertThat(jwk.isPrivate()).isTrue();
    assertThat(jwk.size()).isEqualTo(2048);
    assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(jwk.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.keyId()).isEqualTo(jwk.computeThumbprint().toString());
    assertThat(TokenSigningKey.generate().keyId()).isNotEqualTo(key.keyId());
  }

  @Test
  void thePrivateJwkRoundTripKeepsTheKeyIdAndVerifiesEarlierTokens() throws Exception {
    String token =
        new TokenIssuer(key, "https://rokhsa.test", Clock.systemUTC())
            .issue("user-1", "amina", Set.of(), Duration.ofMinutes(5));

    TokenSigningKey loaded = TokenSigningKey.fromPrivateJwkJson(key.toPrivateJwkJson());

    assertThat(loaded.keyId()).isEqualTo(key.keyId());
    assertThat(loaded.publicKey()).isEqualTo(key.publicKey());
    assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(loaded.publicKey()))).isTrue();
    String reissued =
        new TokenIssuer(loaded, "https://rokhsa.test", Clock.systemUTC())
            .issue("user-1", "amina", Set.of(), Duration.ofMinutes(5));
    assertThat(SignedJWT.parse(reissued).verify(new RSASSAVerifier(key.publicKey()))).isTrue();
  }

  @Test
  void thePublicJwksHoldsOnlyThePublicKey() throws Exception {
    Map<String, Object> jwks = JSONObjectUtils.parse(key.publicJwksJson());
    List<Object> keys = JSONObjectUtils.getJSONArray(jwks, "keys");

    assertThat(keys).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> only = (Map<String, Object>) keys.get(0);
    assertThat(only)
        .containsEntry("kty", "RSA")
        .containsEntry("use", "sig")
        .containsEntry("alg", "RS256")
        .containsEntry("kid", key.keyId())
        .containsKeys("n", "e")
        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");
    JWK parsed = JWKSet.parse(key.publicJwksJson()).getKeyByKeyId(key.keyId());
    assertThat(parsed.isPrivate()).isFalse();
    assertThat(parsed.toRSAKey().toRSAPublicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void thePemIsTheX509PublicKey() throws Exception {
    String pem = key.publicKeyPem();

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
    assertThat(body.strip().lines()).allMatch(line -> line.length() <= 64);
    PublicKey decoded =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    assertThat(decoded).isEqualTo(key.publicKey());
  }

  @Test
  void toStringDoesNotRevealTheKey() {
    assertThat(key.toString()).contains(key.keyId()).doesNotContain("\"d\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "not json", "{", "{}", "[]", "{\"kty\":\"RSA\"}"})
  void aMalformedJwkIsRefusedWithAClearMessage(String json) {
    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token signing key:");
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPublicOnlyJwkIsRefused() {
    String publicOnly = jwkOf(key).toPublicJWK().toJSONString();

    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(publicOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no private key");
  }

  @Test
  void aJwkWithoutKeyIdIsRefused() throws Exception {
    String withoutKid = new RSAKeyGenerator(2048).generate().toJSONString();

    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(withoutKid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kid");
  }

  @Test
  void anEncryptionJwkIsRefused() throws Exception {
    String forEncryption =
        new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("k").generate().toJSONString();

    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(forEncryption))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use");
  }

  @Test
  void theMessageNeverQuotesTheSecret() {
    String broken = key.toPrivateJwkJson().replace("\"kty\":\"RSA\"", "\"kty\":\"XYZ\"");

    assertThatThrownBy(() -> TokenSigningKey.fromPrivateJwkJson(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(jwkOf(key).getPrivateExponent().toString()));
  }

  private static RSAKey jwkOf(TokenSigningKey signingKey) {
    return signingKey.jwk();
  }
}
