package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenKeyCipherTest {

  private final TokenKeySourceFixture fixture = new TokenKeySourceFixture();

  @Test
  void aSealedKeyIsNotInClearAndOpensWithTheSameSecretOnly() {
    TokenKeyCipher cipher = TokenKeyCipher.of(Optional.of("a secret of the operators"));
    String jwk = fixture.jwk();
    String stored = cipher.seal("kid-1", jwk);

    assertThat(stored).startsWith("enc:v1:").doesNotContain("\"d\"").doesNotContain(jwk);
    assertThat(cipher.open("kid-1", stored)).isEqualTo(jwk);
    assertThat(TokenSigningKey.fromPrivateJwkJson(cipher.open("kid-1", stored)).keyId())
        .isEqualTo(fixture.key.keyId());
    assertThatThrownBy(
            () -> TokenKeyCipher.of(Optional.of("another secret entirely")).open("kid-1", stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> cipher.open("kid-2", stored))
        .as("a value moved to another row does not open")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TokenKeyCipher.of(Optional.empty()).open("kid-1", stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rokhsa.auth.token-key-secret");
  }

  @Test
  void withoutASecretValuesStayAsTheyAre() {
    TokenKeyCipher clear = TokenKeyCipher.of(Optional.empty());
    assertThat(clear.encrypts()).isFalse();
    assertThat(clear.seal("kid", "{}")).isEqualTo("{}");
    assertThat(TokenKeyCipher.of(Optional.of("a secret of the operators")).open("kid", "{}"))
        .as("a key stored in clear before a secret was configured still reads")
        .isEqualTo("{}");
    assertThatThrownBy(() -> TokenKeyCipher.of(Optional.of("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** One generated key for the tests. */
  static final class TokenKeySourceFixture {
    final TokenSigningKey key = TokenSigningKey.generate();

    String jwk() {
      return key.toPrivateJwkJson();
    }
  }
}
