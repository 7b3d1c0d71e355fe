package ma.rokhsa.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.rokhsa.application.SigningRefused;
import ma.rokhsa.application.SigningRefused.Why;
import ma.rokhsa.domain.model.signature.KeyAllowance;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.signing.providers.ProviderSigningKey;
import ma.rokhsa.infrastructure.signing.providers.SignatureProviders;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped signature-provider zips, as the platform loads them: the signed zips the build put in
 * {@code plugins/}, checked against the development key, loaded and started by the platform's own
 * {@link PluginCatalog} (PF4J), each with its own {@link PlatformPluginContext}; then a key made in
 * each provider, certified, bound to a {@link SignatureKey} and signed with through {@link
 * SignatureProviders} — the PKCS#11 one on a real SoftHSM2 token. No server: the plugin host alone.
 */
class SignatureProviderPluginsIT {

  static final Path ROOT = Path.of(System.getProperty("rokhsa.root", "../..")).toAbsolutePath();
  static final Path DEV_SIGNING =
      Path.of(System.getProperty("rokhsa.dev-signing", ROOT + "/plugins/src/dev-signing"));
  static final char[] SOFT_PIN = "482913".toCharArray();
  static final String TOKEN_PIN = "1234";

  static Path work;
  static PluginCatalog catalog;
  static SignatureProviders providers;
  static KeyPair authority;

  @BeforeAll
  static void loadTheShippedZips() throws Exception {
    work =
        Files.createTempDirectory(
            Files.createDirectories(Path.of(System.getProperty("rokhsa.it.dir", "target"))),
            "sigp-");
    Path shipped = Files.createDirectories(work.resolve("shipped"));
    for (String id : List.of("signature-pkcs12", "signature-pkcs11")) {
      Files.copy(ROOT.resolve("plugins/" + id + ".zip"), shipped.resolve(id + ".zip"));
      Files.copy(ROOT.resolve("plugins/" + id + ".zip.p7s"), shipped.resolve(id + ".zip.p7s"));
    }
    String slot = softHsmSlot();
    Map<String, Map<String, String>> settings =
        Map.of(
            "signature-pkcs11",
            Map.of("library", "/usr/lib/softhsm/libsofthsm2.so", "slot", slot),
            "signature-pkcs12",
            Map.of("max-failed-pins", "3"));
    Path pluginData = work.resolve("plugin-data");
    catalog =
        new PluginCatalog(
            shipped,
            work.resolve("plugins"),
            new PluginTrust(new DevKeyOnly()),
            id ->
                new PlatformPluginContext(
                    Clock.systemUTC(),
                    id,
                    pluginData,
                    (plugin, name) ->
                        Optional.ofNullable(settings.getOrDefault(plugin, Map.of()).get(name))));
    catalog.loadAll(Map.of());
    providers = new SignatureProviders(catalog::signatureProviders, Clock.systemUTC());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    authority = generator.generateKeyPair();
  }

  @AfterAll
  static void close() throws IOException {
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void bothShippedProvidersAreStartedAndOfferedOncePerLoadedPlugin() {
    assertThat(catalog.plugins())
        .filteredOn(p -> p.id().startsWith("signature-"))
        .allSatisfy(p -> assertThat(p.state()).as(p.id() + " " + p.reason()).isEqualTo("STARTED"))
        .hasSize(2);
    assertThat(catalog.signatureProviders())
        .extracting(SignatureProvider::id)
        .containsExactlyInAnyOrder("pkcs12", "pkcs11");
    SignatureProvider first = providers.provider("pkcs11").orElseThrow();
    assertThat(providers.provider("pkcs11")).containsSame(first);
    assertThat(first.getClass().getClassLoader())
        .as("loaded by its plugin's class loader")
        .isNotSameAs(getClass().getClassLoader());
  }

  @Test
  void theSoftTokenKeepsItsKeyStoresInItsOwnDataDirectoryAndSignsThroughThePlatform()
      throws Exception {
    SignatureKey key = certifiedKey("pkcs12", SOFT_PIN);
    try (Stream<Path> files = Files.walk(work.resolve("plugin-data/signature-pkcs12"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("keystore.p12");
    }
    signsABatchAndVerifies(key, SOFT_PIN);
    assertThatThrownBy(() -> providers.open(key, "000000".toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.WRONG_PIN));
  }

  @Test
  void thePkcs11ProviderMakesTheKeyOnASoftHsmTokenAndSignsThroughThePlatform() throws Exception {
    SignatureKey key = certifiedKey("pkcs11", TOKEN_PIN.toCharArray());
    signsABatchAndVerifies(key, TOKEN_PIN.toCharArray());
    assertThatThrownBy(() -> providers.open(key, "9999".toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.WRONG_PIN));
    key.revoke(Instant.now(), "test");
    assertThatThrownBy(() -> providers.open(key, TOKEN_PIN.toCharArray()))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE));
  }

  /** A key as the platform will make one: in the provider, certified, bound. */
  private static SignatureKey certifiedKey(String providerId, char[] pin) throws Exception {
    SignatureProvider provider = providers.provider(providerId).orElseThrow();
    assertThat(provider.createsCredentials()).isTrue();
    NewCredential credential =
        provider.createCredential(CredentialRequest.rsa("signatory-1", "Président"), pin.clone());
    List<X509Certificate> chain = issue(credential.publicKey());
    provider.storeCertificateChain(credential.id(), chain, pin.clone());
    Instant now = Instant.now();
    SignatureKey key =
        new KeyAllowance(3, 0, 0)
            .assign(
                Signatory.name("Karim Benali", "Président", Optional.empty(), now),
                "Président",
                "admin",
                now);
    key.bind(providerId, credential.id(), chain.get(0), now);
    return key;
  }

  private static void signsABatchAndVerifies(SignatureKey key, char[] pin) throws Exception {
    ProviderSigningKey opened = providers.open(key, pin.clone());
    try (opened) {
      PublicKey publicKey = opened.chain().get(0).getPublicKey();
      for (int i = 0; i < 5; i++) {
        byte[] data = ("autorisation " + i).getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(opened.sign("SHA256withRSA", data))).isTrue();
      }
    }
    assertThatThrownBy(() -> opened.sign("SHA256withRSA", new byte[] {1}))
        .isInstanceOfSatisfying(
            SigningRefused.class, e -> assertThat(e.why()).isEqualTo(Why.KEY_UNUSABLE));
  }

  private static List<X509Certificate> issue(PublicKey subject) throws Exception {
    X500Name rootName = new X500Name("CN=Rokhsa IT root");
    Instant now = Instant.now();
    JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withRSA");
    JcaX509v3CertificateBuilder rootBuilder =
        new JcaX509v3CertificateBuilder(
            rootName,
            BigInteger.ONE,
            Date.from(now.minusSeconds(3600)),
            Date.from(now.plus(Duration.ofDays(30))),
            rootName,
            authority.getPublic());
    rootBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    X509Certificate root =
        new JcaX509CertificateConverter()
            .getCertificate(rootBuilder.build(signer.build(authority.getPrivate())));
    X509Certificate leaf =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        root,
                        BigInteger.valueOf(System.nanoTime()),
                        Date.from(now.minusSeconds(3600)),
                        Date.from(now.plus(Duration.ofDays(30))),
                        new X500Name("CN=Karim Benali"),
                        subject)
                    .build(signer.build(authority.getPrivate())));
    return List.of(leaf, root);
  }

  /**
   * The platform's settings as far as plugin trust goes: the development key, signatures required.
   */
  static final class DevKeyOnly extends RokhsaSettings {
    @Override
    public Optional<Path> pluginTrustAnchors() {
      return Optional.of(DEV_SIGNING.resolve("dev-signing-cert.pem"));
    }

    @Override
    public boolean pluginSignaturesRequired() {
      return true;
    }
  }

  /**
   * A fresh SoftHSM2 token (Debian softhsm2, installed by .ci/run): its absence fails the test —
   * SoftHSM2 signing is exercised in CI, not skipped. The build points SOFTHSM2_CONF at target/.
   */
  static String softHsmSlot() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (!Files.isRegularFile(Path.of("/usr/lib/softhsm/libsofthsm2.so")) || conf == null) {
      throw new IllegalStateException(
          "SoftHSM2 signing is exercised in CI, not skipped: apt-get install -y softhsm2, and run"
              + " through Maven (it sets SOFTHSM2_CONF)");
    }
    Path tokens = Path.of(conf).resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (Stream<Path> old = Files.walk(tokens)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    Process init =
        new ProcessBuilder(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                "rokhsa-it",
                "--pin",
                TOKEN_PIN,
                "--so-pin",
                "5678")
            .redirectErrorStream(true)
            .start();
    String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
    if (init.waitFor() != 0 || !m.find()) {
      throw new IllegalStateException("softhsm2-util could not make a token: " + output);
    }
    return m.group(1);
  }
}
