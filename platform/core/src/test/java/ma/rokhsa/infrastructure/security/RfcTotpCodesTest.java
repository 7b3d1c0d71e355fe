package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The second factor's codes against RFC 6238's own test vectors, and the sealing of secrets. */
class RfcTotpCodesTest {

  /** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890", in Base32. */
  static final String RFC_SECRET =
      new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  private final RfcTotpCodes codes = new RfcTotpCodes(Optional.of("a secret of the operators"));

  @Test
  void codesAreThoseOfRfc6238AppendixB() {
    // The appendix gives eight digits; six are their last six.
    assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
  }

  @Test
  void aCodeIsAcceptedOneStepEitherSideAndNamesItsStep() {
    Instant now = Instant.ofEpochSecond(1111111109);
    long step = 1111111109 / 30;
    assertThat(codes.stepOf(RFC_SECRET, "081804", now)).isEqualTo(OptionalLong.of(step));
    assertThat(codes.stepOf(RFC_SECRET, " 081804 ", now)).isEqualTo(OptionalLong.of(step));
    String previous = codes.codeAt(RFC_SECRET, now.minusSeconds(30));
    String next = codes.codeAt(RFC_SECRET, now.plusSeconds(30));
    assertThat(codes.stepOf(RFC_SECRET, previous, now)).isEqualTo(OptionalLong.of(step - 1));
    assertThat(codes.stepOf(RFC_SECRET, next, now)).isEqualTo(OptionalLong.of(step + 1));
    String old = codes.codeAt(RFC_SECRET, now.minusSeconds(90));
    assertThat(codes.stepOf(RFC_SECRET, old, now)).as("three steps ago").isEmpty();
    assertThat(codes.stepOf(RFC_SECRET, "000000".equals(old) ? "000001" : "000000", now)).isEmpty();
    assertThat(codes.stepOf(RFC_SECRET, "08180", now)).isEmpty();
    assertThat(codes.stepOf(RFC_SECRET, "abcdef", now)).isEmpty();
    assertThat(codes.stepOf(RFC_SECRET, null, now)).isEmpty();
  }

  @Test
  void aNewSecretHas160BitsAndItsUriIsWhatAuthenticatorAppsRead() {
    String secret = codes.newSecret();
    assertThat(new Base32().decode(secret)).hasSize(20);
    assertThat(codes.newSecret()).isNotEqualTo(secret);
    URI uri = codes.enrollmentUri(secret, "Rokhsa", "admin.casablanca");
    assertThat(uri.getScheme()).isEqualTo("otpauth");
    assertThat(uri.getHost()).isEqualTo("totp");
    assertThat(uri.toString())
        .contains("secret=" + secret)
        .contains("issuer=Rokhsa")
        .contains("admin.casablanca")
        .contains("digits=6")
        .contains("period=30");
    // The code of the secret now is accepted now.
    Instant now = Instant.now();
    assertThat(codes.stepOf(secret, codes.codeAt(secret, now), now)).isPresent();
  }

  @Test
  void aSecretIsSealedForOneAccountAndOpensForItOnly() {
    String secret = codes.newSecret();
    String stored = codes.seal("signataire", secret);
    assertThat(stored).startsWith("enc:v1:").doesNotContain(secret);
    assertThat(codes.open("signataire", stored)).isEqualTo(secret);
    assertThatThrownBy(() -> codes.open("another", stored))
        .as("a secret copied to another account's row does not open")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the second factor of another");
    assertThatThrownBy(
            () ->
                new RfcTotpCodes(Optional.of("another secret entirely")).open("signataire", stored))
        .isInstanceOf(IllegalStateException.class);
    // Not the token signing key's derivation: a sealed token key never opens as a secret.
    String tokenKey = TokenKeyCipher.of(Optional.of("a secret of the operators")).seal("k", "x");
    assertThatThrownBy(() -> codes.open("k", tokenKey)).isInstanceOf(IllegalStateException.class);
    assertThat(new RfcTotpCodes(Optional.empty()).seal("signataire", secret)).isEqualTo(secret);
  }
}
