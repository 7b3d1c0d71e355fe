package ma.rokhsa.infrastructure.signing.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ma.rokhsa.application.PluginFailure;
import ma.rokhsa.application.SigningRefused;
import ma.rokhsa.application.SigningRefused.Why;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.TestCertificates;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningFailure.Reason;
import ma.rokhsa.plugin.api.signature.SigningSession;
import org.junit.jupiter.api.Test;

/**
 * The platform's side of a signature: which checks come before the provider is asked, and how its
 * failures become the platform's. The provider here is a small one of the test's own, holding a
 * real EC key (the shipped providers are exercised through the real plugin loading in the server
 * module's SignatureProviderPluginsIT).
 */
class SignatureProvidersTest {

  static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  static final String PIN = "482913";

  final KeyPair keys = TestCertificates.keyPair();
  final X509Certificate certificate =
      TestCertificates.certificate(keys, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
  final AtomicInteger opens = new AtomicInteger();
  char[] pinSeen;

  final SignatureProvider inMemory =
      new SignatureProvider() {
        @Override
        public String id() {
          return "in-memory";
        }

        @Override
        public LocalizedText name() {
          return new LocalizedText("En mémoire", "في الذاكرة");
        }

        @Override
        public SigningSession open(String credentialId, char[] pin) throws SigningFailure {
          opens.incrementAndGet();
          pinSeen = pin;
          if (!"c-1".equals(credentialId)) {
            throw new SigningFailure(Reason.UNKNOWN_CREDENTIAL, "no " + credentialId, null);
          }
          if (!PIN.equals(new String(pin))) {
            throw new SigningFailure(Reason.WRONG_PIN, "wrong PIN (2 tries left)", null);
          }
          return new SigningSession() {
            boolean open = true;

            @Override
            public String credentialId() {
              return credentialId;
            }

            @Override
            public List<X509Certificate> certificateChain() {
              return List.of(certificate);
            }

            @Override
            public byte[] sign(String algorithm, byte[] data) throws SigningFailure {
              if (!open) {
                throw new SigningFailure(Reason.CLOSED, "closed", null);
              }
              try {
                Signature signature = Signature.getInstance(algorithm);
                signature.initSign(keys.getPrivate());
                signature.update(data);
                return signature.sign();
              } catch (GeneralSecurityException e) {
                throw new SigningFailure(Reason.INVALID_REQUEST, e.getMessage(), e);
              }
            }

            @Override
            public boolean isOpen() {
              return open;
            }

            @Override
            public void close() {
              open = false;
            }
          };
        }
      };

  final SignatureProviders providers =
      new SignatureProviders(() -> List.of(inMemory), Clock.fixed(NOW, ZoneOffset.UTC));

  SignatureKey boundKey(String provider, String credential, X509Certificate cert) {
    SignatureKey key =
        new KeyAllowance(3, 0, 0)
            .assign(
                Signatory.name("Karim Benali", "Président", Optional.empty(), NOW),
                "Président",
                "admin",
                NOW);
    key.bind(provider, credential, cert, NOW);
    return key;
  }

  @Test
  void aBoundKeySignsWithThePinAndThePinIsClearedAfterwards() throws Exception {
    char[] pin = PIN.toCharArray();
    byte[] data = {1, 2, 3};
    try (ProviderSigningKey key = providers.open(boundKey("in-memory", "c-1", certificate), pin)) {
      assertThat(key.chain()).containsExactly(certificate);
      byte[] signature = key.sign("SHA256withECDSA", data);
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(data);
      assertThat(verifier.verify(signature)).isTrue();
    }
    char[] cleared = new char[PIN.length()];
    assertThat(pin).isEqualTo(cleared);
    assertThat(Arrays.equals(pinSeen, cleared)).isTrue();
  }

  @Test
  void aRevokedKeyIsRefusedBeforeTheProviderIsAsked() {
    SignatureKey key = boundKey("in-memory", "c-1", certificate);
    key.revoke(NOW.minusSeconds(1), "départ du signataire");
    char[] pin = PIN.toCharArray();
    assertThatThrownBy(() -> providers.open(key, pin))
        .isInstanceOfSatisfying(
            SigningRefused.class,
            e -> {
              assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE);
              assertThat(e.getMessage()).contains("revoked");
            });
    assertThat(opens).hasValue(0);
    assertThat(pin).isEqualTo(new char[PIN.length()]);
  }

  @Test
  void aWrongPinAnUnknownCredentialAndAMissingProviderAreTheSignatorysOrTheOperatorsProblem() {
    assertThatThrownBy(
            () -> providers.open(boundKey("in-memory", "c-1", certificate), "000000".toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.WRONG_PIN));
    assertThatThrownBy(
            () -> providers.open(boundKey("in-memory", "c-2", certificate), PIN.toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE));
    assertThatThrownBy(
            () -> providers.open(boundKey("pkcs11", "c-1", certificate), PIN.toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class,
            e -> {
              assertThat(e.why()).isEqualTo(Why.PROVIDER_UNAVAILABLE);
              assertThat(e.getMessage()).contains("pkcs11");
            });
  }

  @Test
  void aProviderWhoseCertificateIsNotTheRecordedOneDoesNotSign() {
    X509Certificate another =
        TestCertificates.certificate(keys, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(400)));
    assertThatThrownBy(
            () -> providers.open(boundKey("in-memory", "c-1", another), PIN.toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class,
            e -> {
              assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE);
              assertThat(e.getMessage()).contains("not the one recorded");
            });
  }

  @Test
  void aClosedKeySignsNothingAndAnAlgorithmTheKeyDoesNotFitIsTheProvidersFault() {
    ProviderSigningKey key =
        providers.open(boundKey("in-memory", "c-1", certificate), PIN.toCharArray());
    assertThatThrownBy(() -> key.sign("NoSuchAlgorithm", new byte[] {1}))
        .isInstanceOf(PluginFailure.class);
    key.close();
    assertThat(key.isOpen()).isFalse();
    assertThatThrownBy(() -> key.sign("SHA256withECDSA", new byte[] {1}))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE));
  }
}
