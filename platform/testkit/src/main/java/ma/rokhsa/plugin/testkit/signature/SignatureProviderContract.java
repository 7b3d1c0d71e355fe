package ma.rokhsa.plugin.testkit.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the platform relies on from a signature provider that creates credentials (ADR 0019, ADR
 * 0022): a credential made with a PIN signs only once its certificate chain is stored, its session
 * gives that chain and signs what the certificate verifies, and failures carry the reason the
 * platform turns into a problem ({@code WRONG_PIN}, {@code UNKNOWN_CREDENTIAL}, {@code CLOSED},
 * {@code INVALID_REQUEST}). A provider's test extends it and says how to make the provider and
 * which PIN to use:
 *
 * <pre>{@code
 * class Pkcs12ContractTest extends SignatureProviderContract {
 *   @TempDir Path data;
 *   protected SignatureProvider provider() { return new Pkcs12SignatureProvider(PluginContext.of(clock, data, Map.of())); }
 *   protected char[] pin() { return "482913".toCharArray(); }
 * }
 * }</pre>
 */
public abstract class SignatureProviderContract {

  private SignatureProvider provider;
  private TestAuthority authority;

  /** The provider under test; called once before each test. */
  protected abstract SignatureProvider provider() throws Exception;

  /** A PIN the provider accepts for new credentials (a fresh array each call). */
  protected abstract char[] pin();

  /** A PIN that is not {@link #pin()}. */
  protected char[] wrongPin() {
    return "999999".toCharArray();
  }

  @BeforeEach
  void makeTheProvider() throws Exception {
    provider = provider();
    authority = new TestAuthority();
  }

  private NewCredential created(String label) throws SigningFailure {
    return provider.createCredential(CredentialRequest.rsa("signatory-contract", label), pin());
  }

  private static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    return verifier.verify(signature);
  }

  @Test
  void aNewCredentialSignsOnlyOnceItsCertificateChainIsStoredAndThenWithThatChain()
      throws Exception {
    assertThat(provider.createsCredentials()).isTrue();
    assertThat(provider.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    NewCredential credential = created("Président — contrat");
    assertThat(credential.publicKey().getAlgorithm()).isEqualTo("RSA");
    assertThatThrownBy(
            () -> provider.open(credential.id(), pin()).sign("SHA256withRSA", new byte[1]))
        .as("no certificate yet")
        .isInstanceOf(SigningFailure.class);

    List<X509Certificate> chain = authority.issue("Karim Benali", credential.publicKey());
    provider.storeCertificateChain(credential.id(), chain, pin());
    byte[] data = "autorisation de construire".getBytes(StandardCharsets.UTF_8);
    try (SigningSession session = provider.open(credential.id(), pin())) {
      assertThat(session.certificateChain()).isEqualTo(chain);
      byte[] signature = session.sign("SHA256withRSA", data);
      assertThat(verifies(chain.get(0), data, signature)).isTrue();
      assertThat(verifies(chain.get(0), "autre".getBytes(StandardCharsets.UTF_8), signature))
          .isFalse();
    }
  }

  @Test
  void aWrongPinIsAWrongPin() throws Exception {
    NewCredential credential = created("PIN");
    provider.storeCertificateChain(
        credential.id(), authority.issue("Karim Benali", credential.publicKey()), pin());
    assertThatThrownBy(() -> provider.open(credential.id(), wrongPin()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> assertThat(e.reason()).isEqualTo(SigningFailure.Reason.WRONG_PIN));
    try (SigningSession session = provider.open(credential.id(), pin())) {
      assertThat(session.isOpen()).as("the right PIN still opens it").isTrue();
    }
  }

  @Test
  void aCertificateForAnotherKeyIsAnInvalidRequest() throws Exception {
    NewCredential credential = created("autre clé");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    List<X509Certificate> foreign =
        authority.issue("Karim Benali", generator.generateKeyPair().getPublic());
    assertThatThrownBy(() -> provider.storeCertificateChain(credential.id(), foreign, pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> assertThat(e.reason()).isEqualTo(SigningFailure.Reason.INVALID_REQUEST));
  }

  @Test
  void anUnknownCredentialIsUnknownAndAClosedSessionSignsNothing() throws Exception {
    assertThatThrownBy(() -> provider.open("no-such-credential-42", pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> assertThat(e.reason()).isEqualTo(SigningFailure.Reason.UNKNOWN_CREDENTIAL));
    NewCredential credential = created("session");
    provider.storeCertificateChain(
        credential.id(), authority.issue("Karim Benali", credential.publicKey()), pin());
    SigningSession session = provider.open(credential.id(), pin());
    session.close();
    assertThat(session.isOpen()).isFalse();
    assertThatThrownBy(() -> session.sign("SHA256withRSA", new byte[] {1}))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> assertThat(e.reason()).isEqualTo(SigningFailure.Reason.CLOSED));
  }
}
