package ma.rokhsa.plugins.signature.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.Credential;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningFailure.Reason;
import ma.rokhsa.plugin.api.signature.SigningSession;
import ma.rokhsa.plugin.testkit.signature.TestAuthority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real PKCS#11 module: SoftHSM2, with a token made for this run. */
class Pkcs11SignatureProviderTest {

  private static Pkcs11SignatureProvider provider;
  private static TestAuthority authority;

  @BeforeAll
  static void token(@TempDir Path data) throws Exception {
    provider =
        new Pkcs11SignatureProvider(
            PluginContext.of(
                Clock.systemUTC(),
                data,
                Map.of(
                    "library",
                    SoftHsm.LIBRARY.toString(),
                    "slot",
                    SoftHsm.slot(),
                    "session-wait",
                    "PT2S")));
    authority = new TestAuthority();
  }

  private static char[] pin() {
    return SoftHsm.USER_PIN.toCharArray();
  }

  private static String certifiedCredential(String name) throws Exception {
    NewCredential created = provider.createCredential(CredentialRequest.rsa("s-1", name), pin());
    provider.storeCertificateChain(created.id(), authority.issue(name, created.publicKey()), pin());
    return created.id();
  }

  private static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    return verifier.verify(signature);
  }

  @Test
  void aKeyMadeOnTheTokenAndCertifiedSignsWhatItsCertificateVerifies() throws Exception {
    String credential = certifiedCredential("Karim Benali");
    byte[] data = "les attributs signés".getBytes(StandardCharsets.UTF_8);
    try (SigningSession session = provider.open(credential, pin())) {
      X509Certificate signer = session.certificateChain().get(0);
      assertThat(signer.getSubjectX500Principal().getName()).contains("CN=Karim Benali");
      assertThat(session.certificateChain()).hasSize(2);
      byte[] signature = session.sign("SHA256withRSA", data);
      assertThat(verifies(signer, data, signature)).isTrue();
      assertThat(verifies(signer, "autre".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }
  }

  @Test
  void aBatchIsSignedInOneSessionAndAClosedSessionSignsNothing() throws Exception {
    String credential = certifiedCredential("Salma Idrissi");
    SigningSession session = provider.open(credential, pin());
    X509Certificate signer = session.certificateChain().get(0);
    for (int i = 0; i < 20; i++) {
      byte[] data = ("autorisation " + i).getBytes(StandardCharsets.UTF_8);
      assertThat(verifies(signer, data, session.sign("SHA256withRSA", data))).isTrue();
    }
    session.close();
    assertThat(session.isOpen()).isFalse();
    assertThatThrownBy(() -> session.sign("SHA256withRSA", new byte[] {1}))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
    // The token is free again: the next session opens at once.
    provider.open(credential, pin()).close();
  }

  @Test
  void aWrongPinIsRefusedEvenWhileTheTokenWasJustUnlocked() throws Exception {
    String credential = certifiedCredential("Youssef Alaoui");
    provider.open(credential, pin()).close();
    assertThatThrownBy(() -> provider.open(credential, "9999".toCharArray()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN);
              assertThat(e.getMessage()).doesNotContain("9999");
            });
    try (SigningSession session = provider.open(credential, pin())) {
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Test
  void oneSessionAtATimeOnATokenASecondWaitsThenGivesUp() throws Exception {
    String credential = certifiedCredential("Nadia Tazi");
    try (SigningSession first = provider.open(credential, pin())) {
      assertThatThrownBy(() -> provider.open(credential, "9999".toCharArray()))
          .isInstanceOfSatisfying(
              SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
      assertThat(first.sign("SHA256withRSA", new byte[] {1})).isNotEmpty();
    }
  }

  @Test
  void theTokensCredentialsAreListedAndAnUncertifiedKeyCannotSign() throws Exception {
    String certified = certifiedCredential("Omar Fassi");
    NewCredential pending =
        provider.createCredential(CredentialRequest.rsa("s-1", "en attente"), pin());
    List<Credential> listed = provider.credentials("s-1", pin());
    assertThat(listed).extracting(Credential::id).contains(certified, pending.id());
    assertThat(
            listed.stream()
                .filter(c -> c.id().equals(certified))
                .findFirst()
                .orElseThrow()
                .certificateChain())
        .hasSize(2);
    assertThat(
            listed.stream()
                .filter(c -> c.id().equals(pending.id()))
                .findFirst()
                .orElseThrow()
                .certificateChain())
        .isEmpty();
    assertThatThrownBy(() -> provider.open(pending.id(), pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    NewCredential other = provider.createCredential(CredentialRequest.rsa("s-1", "autre"), pin());
    List<X509Certificate> othersChain = authority.issue("autre", other.publicKey());
    assertThatThrownBy(() -> provider.storeCertificateChain(pending.id(), othersChain, pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    assertThatThrownBy(() -> provider.open("rokhsa-no-such-key", pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CREDENTIAL));
  }

  @Test
  void withoutAModuleConfiguredItSaysSoInsteadOfFailingObscurely(@TempDir Path data) {
    Pkcs11SignatureProvider unconfigured =
        new Pkcs11SignatureProvider(PluginContext.of(Clock.systemUTC(), data, Map.of()));
    assertThatThrownBy(() -> unconfigured.open("rokhsa-x", pin()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("rokhsa.plugin.signature-pkcs11.library");
            });
  }
}
