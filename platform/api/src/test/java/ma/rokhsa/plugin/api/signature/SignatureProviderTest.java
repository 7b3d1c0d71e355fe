package ma.rokhsa.plugin.api.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import org.junit.jupiter.api.Test;

class SignatureProviderTest {

  /** A provider that implements only what it must. */
  private final SignatureProvider minimal =
      new SignatureProvider() {
        @Override
        public String id() {
          return "remote";
        }

        @Override
        public LocalizedText name() {
          return new LocalizedText("Distant", "عن بعد");
        }

        @Override
        public SigningSession open(String credentialId, char[] pin) throws SigningFailure {
          throw new SigningFailure(SigningFailure.Reason.UNKNOWN_CREDENTIAL, credentialId, null);
        }
      };

  @Test
  void optionalCapabilitiesAreOffByDefaultAndSaySo() throws SigningFailure {
    assertThat(minimal.createsCredentials()).isFalse();
    assertThat(minimal.credentials("signatory-1", null)).isEmpty();
    assertThatThrownBy(
            () ->
                minimal.createCredential(
                    CredentialRequest.rsa("signatory-1", "key"), "1".toCharArray()))
        .isInstanceOf(SigningFailure.class)
        .satisfies(
            e ->
                assertThat(((SigningFailure) e).reason())
                    .isEqualTo(SigningFailure.Reason.UNSUPPORTED));
    assertThatThrownBy(() -> minimal.storeCertificateChain("c", List.of(), "1".toCharArray()))
        .isInstanceOf(SigningFailure.class)
        .satisfies(
            e ->
                assertThat(((SigningFailure) e).reason())
                    .isEqualTo(SigningFailure.Reason.UNSUPPORTED));
  }

  @Test
  void aCredentialRequestRefusesWeakOrUnknownKeys() {
    assertThat(CredentialRequest.rsa("s", "l").keySize()).isEqualTo(3072);
    assertThatThrownBy(() -> new CredentialRequest("s", "l", "RSA", 1024))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CredentialRequest("s", "l", "DSA", 2048))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CredentialRequest(" ", "l", "EC", 256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CredentialRequest("s", "l", "EC", 256).keyAlgorithm()).isEqualTo("EC");
  }
}
