package ma.rokhsa.plugins.signature.pkcs12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningFailure.Reason;
import ma.rokhsa.plugin.api.signature.SigningSession;
import ma.rokhsa.plugin.testkit.signature.TestAuthority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12SignatureProviderTest {

  private static final char[] PIN = "482913".toCharArray();

  @TempDir Path data;
  private Pkcs12SignatureProvider provider;
  private TestAuthority authority;

  @BeforeEach
  void setUp() throws Exception {
    provider =
        new Pkcs12SignatureProvider(
            PluginContext.of(Clock.systemUTC(), data, Map.of("max-failed-pins", "3")));
    authority = new TestAuthority();
  }

  /** A credential with its certificate, as the platform makes one. */
  private String certifiedCredential(String signatory) throws Exception {
    NewCredential created =
        provider.createCredential(CredentialRequest.rsa(signatory, "Président 2026"), PIN.clone());
    provider.storeCertificateChain(
        created.id(), authority.issue("Karim Benali", created.publicKey()), PIN.clone());
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
  void aCredentialMadeCertifiedAndUnlockedWithItsPinSignsWhatItsCertificateVerifies()
      throws Exception {
    String credential = certifiedCredential("signatory-7");
    byte[] data = "les attributs signés".getBytes(StandardCharsets.UTF_8);
    try (SigningSession session = provider.open(credential, PIN.clone())) {
      List<X509Certificate> chain = session.certificateChain();
      assertThat(chain).hasSize(2);
      assertThat(chain.get(0).getSubjectX500Principal().getName()).contains("CN=Karim Benali");
      byte[] signature = session.sign("SHA256withRSA", data);
      assertThat(verifies(chain.get(0), data, signature)).isTrue();
      assertThat(verifies(chain.get(0), "autre chose".getBytes(StandardCharsets.UTF_8), signature))
          .isFalse();
    }
  }

  @Test
  void aBatchIsSignedInOneSessionAndAClosedSessionSignsNothing() throws Exception {
    String credential = certifiedCredential("signatory-7");
    SigningSession session = provider.open(credential, PIN.clone());
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
  }

  @Test
  void aWrongPinIsRefusedAndTheCredentialLocksAfterTooManyInARow() throws Exception {
    String credential = certifiedCredential("signatory-7");
    assertThatThrownBy(() -> provider.open(credential, "000000".toCharArray()))
        .isInstanceOfSatisfying(
            SigningFailure.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN);
              assertThat(e.getMessage()).contains("2 tries left").doesNotContain("000000");
            });
    // A right PIN resets the count.
    provider.open(credential, PIN.clone()).close();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> provider.open(credential, "000000".toCharArray()))
          .isInstanceOfSatisfying(
              SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN));
    }
    assertThatThrownBy(() -> provider.open(credential, "000000".toCharArray()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
    // Locked for good: even the right PIN no longer opens it, here or after a restart.
    Pkcs12SignatureProvider restarted =
        new Pkcs12SignatureProvider(
            PluginContext.of(Clock.systemUTC(), data, Map.of("max-failed-pins", "3")));
    assertThatThrownBy(() -> restarted.open(credential, PIN.clone()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
  }

  @Test
  void thePinIsStoredNowhere() throws Exception {
    String credential = certifiedCredential("signatory-7");
    provider.open(credential, PIN.clone()).close();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(new String(PIN));
      }
    }
  }

  @Test
  void aCredentialWithoutItsCertificateCannotSignNorTakeAnotherKeysCertificate() throws Exception {
    NewCredential created =
        provider.createCredential(
            CredentialRequest.rsa("signatory-7", "Vice-président"), PIN.clone());
    assertThatThrownBy(() -> provider.open(created.id(), PIN.clone()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
    NewCredential other =
        provider.createCredential(CredentialRequest.rsa("signatory-8", "Autre"), PIN.clone());
    List<X509Certificate> othersChain = authority.issue("Autre", other.publicKey());
    assertThatThrownBy(() -> provider.storeCertificateChain(created.id(), othersChain, PIN.clone()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
  }

  @Test
  void theCredentialsOfASignatoryAreListedWithTheirCertificates() throws Exception {
    String first = certifiedCredential("signatory-7");
    certifiedCredential("signatory-8");
    assertThat(provider.credentials("signatory-7", null))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(first);
              assertThat(c.label()).isEqualTo("Président 2026");
              assertThat(c.certificateChain()).hasSize(2);
            });
    assertThat(provider.credentials("signatory-9", null)).isEmpty();
  }

  @Test
  void unknownOrForgedCredentialIdsAreRefused() {
    for (String id :
        new String[] {"../../etc/passwd", "00000000-0000-0000-0000-000000000000", ""}) {
      assertThatThrownBy(() -> provider.open(id, PIN.clone()))
          .isInstanceOfSatisfying(
              SigningFailure.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CREDENTIAL));
    }
  }

  @Test
  void keyStoresMayLiveInADirectoryEveryNodeShares(@TempDir Path shared) throws Exception {
    Map<String, String> settings = Map.of("dir", shared.toString());
    Pkcs12SignatureProvider nodeA =
        new Pkcs12SignatureProvider(PluginContext.of(Clock.systemUTC(), data, settings));
    NewCredential created =
        nodeA.createCredential(CredentialRequest.rsa("signatory-7", "Président"), PIN.clone());
    nodeA.storeCertificateChain(
        created.id(), authority.issue("Karim Benali", created.publicKey()), PIN.clone());
    Pkcs12SignatureProvider nodeB =
        new Pkcs12SignatureProvider(
            PluginContext.of(Clock.systemUTC(), data.resolve("other-node"), settings));
    try (SigningSession session = nodeB.open(created.id(), PIN.clone())) {
      assertThat(session.sign("SHA256withRSA", new byte[] {1})).isNotEmpty();
    }
    assertThat(shared.resolve(created.id()).resolve("keystore.p12")).isRegularFile();
  }

  @Test
  void aShortPinIsRefusedForANewCredential() {
    assertThatThrownBy(
            () -> provider.createCredential(CredentialRequest.rsa("s", "l"), "12345".toCharArray()))
        .isInstanceOfSatisfying(
            SigningFailure.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST));
  }
}
