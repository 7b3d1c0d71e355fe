package ma.rokhsa.plugins.signature.pkcs12;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.Credential;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningFailure.Reason;
import ma.rokhsa.plugin.api.signature.SigningSession;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pf4j.Extension;

/**
 * The embedded default signature provider ({@code pkcs12}): each credential is a PKCS#12 key store
 * of its own (the JDK's, PBES2 with AES-256 and an HMAC-SHA256 integrity check), protected by the
 * signatory's PIN, under the plugin's data directory:
 *
 * <pre>
 * &lt;data directory&gt;/credentials/&lt;credential id&gt;/keystore.p12      the private key and its chain
 *                                             /chain.pkipath     the chain again, public, to list it
 *                                             /credential.properties  signatory, label, failed PINs
 * </pre>
 *
 * <p>The PIN is the key store's password: asked for each {@link #open session}, never stored. Each
 * wrong PIN is counted in {@code credential.properties}; after {@code max-failed-pins} in a row
 * (setting {@code rokhsa.plugin.signature-pkcs12.max-failed-pins}, 5 by default) the credential is
 * locked for good, whatever PIN comes next: a soft token has no PUK, so a locked credential is
 * replaced (a new key, a new certificate), which the platform does by revoking the old key. A
 * correct PIN resets the count. New PINs have at least {@code min-pin-length} characters (6).
 *
 * <p>On several nodes, every node must see every key store: set {@code dir} (an absolute path) to a
 * directory all nodes mount, as for {@code rokhsa.storage.kind=shared}. Failed PINs are counted in
 * that directory, so the bound holds across nodes (within a try or two of nodes racing).
 *
 * <p>Holds no open resource: a session holds the private key in memory until it is closed.
 */
@Extension
public class Pkcs12SignatureProvider implements SignatureProvider {

  private static final Pattern CREDENTIAL_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
  private static final String KEYSTORE = "keystore.p12";
  private static final String CHAIN = "chain.pkipath";
  private static final String FACTS = "credential.properties";
  private static final String ALIAS = "credential";

  private final Path root;
  private final int maxFailedPins;
  private final int minPinLength;
  private final PluginContext context;

  /** One lock per credential: its key store and its count of failures change one at a time. */
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  public Pkcs12SignatureProvider(PluginContext context) {
    this.context = context;
    this.root =
        context
            .setting("dir")
            .map(String::strip)
            .map(java.nio.file.Path::of)
            .filter(Path::isAbsolute)
            .orElseGet(() -> context.dataDirectory().resolve("credentials"));
    this.maxFailedPins = intSetting(context, "max-failed-pins", 5);
    this.minPinLength = intSetting(context, "min-pin-length", 6);
  }

  private static int intSetting(PluginContext context, String name, int fallback) {
    int value = context.setting(name).map(String::strip).map(Integer::parseInt).orElse(fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
    return value;
  }

  @Override
  public String id() {
    return "pkcs12";
  }

  @Override
  public LocalizedText name() {
    return new LocalizedText("Jeton logiciel PKCS#12 (intégré)", "رمز برمجي PKCS#12 (مدمج)");
  }

  @Override
  public boolean createsCredentials() {
    return true;
  }

  // --- sessions ------------------------------------------------------------------------------

  @Override
  public SigningSession open(String credentialId, char[] pin) throws SigningFailure {
    Path dir = existing(credentialId);
    synchronized (lock(credentialId)) {
      KeyStore store = unlock(credentialId, dir, pin);
      Properties facts = facts(dir);
      if (!Boolean.parseBoolean(facts.getProperty("certified"))) {
        throw new SigningFailure(
            Reason.INVALID_REQUEST,
            "credential " + credentialId + " has no certificate yet: it cannot sign",
            null);
      }
      try {
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, pin);
        List<X509Certificate> chain = new ArrayList<>();
        for (java.security.cert.Certificate c : store.getCertificateChain(ALIAS)) {
          chain.add((X509Certificate) c);
        }
        return new KeySession(credentialId, key, chain);
      } catch (GeneralSecurityException e) {
        throw new SigningFailure(
            Reason.UNAVAILABLE, "credential " + credentialId + " cannot be read", e);
      }
    }
  }

  /** A private key in memory, for one batch. */
  private static final class KeySession implements SigningSession {
    private final String credentialId;
    private final List<X509Certificate> chain;
    private volatile PrivateKey key;

    KeySession(String credentialId, PrivateKey key, List<X509Certificate> chain) {
      this.credentialId = credentialId;
      this.key = key;
      this.chain = List.copyOf(chain);
    }

    @Override
    public String credentialId() {
      return credentialId;
    }

    @Override
    public List<X509Certificate> certificateChain() {
      return chain;
    }

    @Override
    public byte[] sign(String algorithm, byte[] data) throws SigningFailure {
      PrivateKey current = key;
      if (current == null) {
        throw new SigningFailure(Reason.CLOSED, "the signing session is closed", null);
      }
      try {
        java.security.Signature signature = java.security.Signature.getInstance(algorithm);
        signature.initSign(current);
        signature.update(data);
        return signature.sign();
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new SigningFailure(
            Reason.INVALID_REQUEST,
            "cannot sign with " + algorithm + " and this " + current.getAlgorithm() + " key",
            e);
      }
    }

    @Override
    public boolean isOpen() {
      return key != null;
    }

    @Override
    public void close() {
      key = null; // the JDK's private keys cannot be destroyed; dropped for the collector
    }
  }

  // --- credentials ---------------------------------------------------------------------------

  @Override
  public List<Credential> credentials(String signatory, char[] pin) throws SigningFailure {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Credential> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Properties facts = facts(dir);
        if (signatory.equals(facts.getProperty("signatory"))) {
          found.add(
              new Credential(
                  dir.getFileName().toString(), facts.getProperty("label"), publicChain(dir)));
        }
      }
    } catch (IOException e) {
      throw new SigningFailure(Reason.UNAVAILABLE, "the credentials cannot be listed", e);
    }
    return found;
  }

  @Override
  public NewCredential createCredential(CredentialRequest request, char[] pin)
      throws SigningFailure {
    if (pin == null || pin.length < minPinLength) {
      throw new SigningFailure(
          Reason.INVALID_REQUEST, "a PIN has at least " + minPinLength + " characters", null);
    }
    String credentialId = UUID.randomUUID().toString();
    try {
      KeyPair pair = generate(request);
      X509Certificate placeholder = placeholder(pair, request);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, pair.getPrivate(), pin, new X509Certificate[] {placeholder});
      Path dir = root.resolve(credentialId);
      Files.createDirectories(dir);
      Properties facts = new Properties();
      facts.setProperty("signatory", request.signatory());
      facts.setProperty("label", request.label());
      facts.setProperty("created", context.clock().instant().toString());
      facts.setProperty("certified", "false");
      facts.setProperty("failed-pins", "0");
      writeFacts(dir, facts);
      save(dir, store, pin);
      return new NewCredential(credentialId, pair.getPublic());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new SigningFailure(Reason.UNAVAILABLE, "the credential cannot be made", e);
    }
  }

  @Override
  public void storeCertificateChain(String credentialId, List<X509Certificate> chain, char[] pin)
      throws SigningFailure {
    Path dir = existing(credentialId);
    if (chain == null || chain.isEmpty()) {
      throw new SigningFailure(Reason.INVALID_REQUEST, "no certificate given", null);
    }
    synchronized (lock(credentialId)) {
      KeyStore store = unlock(credentialId, dir, pin);
      try {
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, pin);
        if (!store.getCertificate(ALIAS).getPublicKey().equals(chain.get(0).getPublicKey())) {
          throw new SigningFailure(
              Reason.INVALID_REQUEST,
              "the certificate is not for the key of credential " + credentialId,
              null);
        }
        store.setKeyEntry(ALIAS, key, pin, chain.toArray(X509Certificate[]::new));
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        write(dir.resolve(CHAIN), x509.generateCertPath(chain).getEncoded("PkiPath"));
        save(dir, store, pin);
        Properties facts = facts(dir);
        facts.setProperty("certified", "true");
        writeFacts(dir, facts);
      } catch (GeneralSecurityException | IOException e) {
        throw new SigningFailure(
            Reason.UNAVAILABLE, "the certificate of " + credentialId + " cannot be stored", e);
      }
    }
  }

  // --- the key store and its PIN -------------------------------------------------------------

  /** Opens the key store with the PIN, counting a wrong one and locking after too many. */
  private KeyStore unlock(String credentialId, Path dir, char[] pin) throws SigningFailure {
    Properties facts = facts(dir);
    int failed = Integer.parseInt(facts.getProperty("failed-pins", "0"));
    if (failed >= maxFailedPins) {
      throw new SigningFailure(
          Reason.LOCKED,
          "credential " + credentialId + " is locked after " + failed + " wrong PINs",
          null);
    }
    try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, pin == null ? new char[0] : pin);
      if (failed > 0) {
        facts.setProperty("failed-pins", "0");
        writeFacts(dir, facts);
      }
      return store;
    } catch (IOException e) {
      if (!(e.getCause() instanceof UnrecoverableKeyException)) {
        throw new SigningFailure(
            Reason.UNAVAILABLE, "credential " + credentialId + " cannot be read", e);
      }
      failed++;
      facts.setProperty("failed-pins", Integer.toString(failed));
      try {
        writeFacts(dir, facts);
      } catch (IOException notCounted) {
        throw new SigningFailure(
            Reason.UNAVAILABLE, "a wrong PIN could not be counted", notCounted);
      }
      if (failed >= maxFailedPins) {
        throw new SigningFailure(
            Reason.LOCKED,
            "wrong PIN: credential " + credentialId + " is now locked (" + failed + " wrong PINs)",
            null);
      }
      throw new SigningFailure(
          Reason.WRONG_PIN,
          "wrong PIN for credential "
              + credentialId
              + " ("
              + (maxFailedPins - failed)
              + " tries left before it is locked)",
          null);
    } catch (GeneralSecurityException e) {
      throw new SigningFailure(
          Reason.UNAVAILABLE, "credential " + credentialId + " cannot be read", e);
    }
  }

  private Path existing(String credentialId) throws SigningFailure {
    if (credentialId == null || !CREDENTIAL_ID.matcher(credentialId).matches()) {
      throw new SigningFailure(
          Reason.UNKNOWN_CREDENTIAL, "no such credential: " + credentialId, null);
    }
    Path dir = root.resolve(credentialId);
    if (!Files.isRegularFile(dir.resolve(KEYSTORE))) {
      throw new SigningFailure(
          Reason.UNKNOWN_CREDENTIAL, "no such credential: " + credentialId, null);
    }
    return dir;
  }

  private Object lock(String credentialId) {
    return locks.computeIfAbsent(credentialId, id -> new Object());
  }

  private static Properties facts(Path dir) throws SigningFailure {
    Properties facts = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(FACTS))) {
      facts.load(in);
    } catch (IOException e) {
      throw new SigningFailure(
          Reason.UNAVAILABLE, "credential " + dir.getFileName() + " cannot be read", e);
    }
    return facts;
  }

  private static void writeFacts(Path dir, Properties facts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    facts.store(out, "a signature credential (the PIN is never stored)");
    write(dir.resolve(FACTS), out.toByteArray());
  }

  private static void save(Path dir, KeyStore store, char[] pin)
      throws IOException, GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, pin);
    write(dir.resolve(KEYSTORE), out.toByteArray());
  }

  /** Replaces a file whole: a crash leaves the old one or the new one, never half of either. */
  private static void write(Path file, byte[] bytes) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      out.write(bytes);
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<X509Certificate> publicChain(Path dir) throws IOException {
    Path file = dir.resolve(CHAIN);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (java.security.cert.Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertPath(new ByteArrayInputStream(Files.readAllBytes(file)), "PkiPath")
              .getCertificates()) {
        chain.add((X509Certificate) c);
      }
      return chain;
    } catch (GeneralSecurityException e) {
      throw new IOException("the chain of " + dir.getFileName() + " cannot be read", e);
    }
  }

  // --- keys ----------------------------------------------------------------------------------

  private static KeyPair generate(CredentialRequest request) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(request.keyAlgorithm());
    if ("EC".equals(request.keyAlgorithm())) {
      generator.initialize(new ECGenParameterSpec("secp" + request.keySize() + "r1"));
    } else {
      generator.initialize(request.keySize());
    }
    return generator.generateKeyPair();
  }

  /**
   * The self-signed certificate a key store needs beside a private key until the real one comes; it
   * never leaves the key store, and a credential that has only it cannot sign.
   */
  private X509Certificate placeholder(KeyPair pair, CredentialRequest request)
      throws OperatorCreationException, GeneralSecurityException {
    Instant now = context.clock().instant();
    X500Name name = new X500Name("CN=Rokhsa credential awaiting its certificate");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            pair.getPublic());
    String algorithm = "EC".equals(request.keyAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
  }
}
