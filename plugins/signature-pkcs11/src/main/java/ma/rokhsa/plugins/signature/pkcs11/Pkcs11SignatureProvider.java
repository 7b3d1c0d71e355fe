package ma.rokhsa.plugins.signature.pkcs11;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.security.auth.login.LoginException;
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
 * Signs with keys on a PKCS#11 token or hardware security module ({@code pkcs11}), through the
 * JDK's own SunPKCS11 provider: the operator names the module's library and its slot (settings
 * {@code rokhsa.plugin.signature-pkcs11.library}, and {@code .slot} — the slot id — or {@code
 * .slot-list-index}, 0 by default). A credential is a key entry of the token (a private key and the
 * certificate chain with the same {@code CKA_ID}), named by its alias ({@code CKA_LABEL}).
 *
 * <p><b>The PIN</b> is the token's user PIN, asked for each {@link #open session} and never stored:
 * opening logs in with it ({@code C_Login}), closing logs out. PKCS#11 logs in a whole application
 * at once, not one session, so this provider opens <em>one session at a time</em> per token: a
 * second {@code open} waits for the first to close (up to {@code session-wait}, {@code PT30S} by
 * default) and then logs in again with its own PIN — so a wrong PIN is never accepted because
 * someone else is logged in. Wrong PINs are counted and locked by the token itself (a SoftHSM or a
 * USB token locks its user PIN after its own number of tries; {@code CKR_PIN_LOCKED} is reported as
 * {@link Reason#LOCKED}).
 *
 * <p><b>New credentials</b> are made on the token ({@code C_GenerateKeyPair}: the private key a
 * sensitive, non-extractable token object), kept with a placeholder self-signed certificate until
 * the platform's certificate comes, which then replaces it on the token.
 *
 * <p>The SunPKCS11 provider is made on first use and never registered with {@link Security}; it
 * lives as long as the plugin.
 */
@Extension
public class Pkcs11SignatureProvider implements SignatureProvider {

  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final PluginContext context;
  private final Duration sessionWait;
  private final Semaphore token = new Semaphore(1, true);
  private Provider provider;

  public Pkcs11SignatureProvider(PluginContext context) {
    this.context = context;
    this.sessionWait =
        context.setting("session-wait").map(Duration::parse).orElse(Duration.ofSeconds(30));
  }

  @Override
  public String id() {
    return "pkcs11";
  }

  @Override
  public LocalizedText name() {
    return new LocalizedText(
        "Jeton ou module matériel (PKCS#11)", "رمز أو وحدة أمان مادية (PKCS#11)");
  }

  @Override
  public boolean createsCredentials() {
    return true;
  }

  // --- sessions ------------------------------------------------------------------------------

  @Override
  public SigningSession open(String credentialId, char[] pin) throws SigningFailure {
    checkAlias(credentialId);
    TokenLogin login = login(pin);
    try {
      KeyStore store = login.store;
      if (!store.isKeyEntry(credentialId)) {
        throw new SigningFailure(
            Reason.UNKNOWN_CREDENTIAL, "no such credential on the token: " + credentialId, null);
      }
      PrivateKey key = (PrivateKey) store.getKey(credentialId, null);
      List<X509Certificate> chain = chain(store, credentialId);
      if (chain.isEmpty() || isPlaceholder(chain.get(0))) {
        throw new SigningFailure(
            Reason.INVALID_REQUEST,
            "credential " + credentialId + " has no certificate yet: it cannot sign",
            null);
      }
      return new TokenSession(credentialId, key, chain, login);
    } catch (GeneralSecurityException e) {
      login.close();
      throw new SigningFailure(
          Reason.UNAVAILABLE, "credential " + credentialId + " cannot be read", e);
    } catch (SigningFailure | RuntimeException e) {
      login.close();
      throw e;
    }
  }

  /** Logged in to the token, which no one else uses until {@link #close}. */
  private final class TokenLogin implements AutoCloseable {
    final KeyStore store;
    private final AtomicBoolean open = new AtomicBoolean(true);

    TokenLogin(KeyStore store) {
      this.store = store;
    }

    boolean isOpen() {
      return open.get();
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        try {
          logout();
        } finally {
          token.release();
        }
      }
    }
  }

  private final class TokenSession implements SigningSession {
    private final String credentialId;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final TokenLogin login;

    TokenSession(
        String credentialId, PrivateKey key, List<X509Certificate> chain, TokenLogin login) {
      this.credentialId = credentialId;
      this.key = key;
      this.chain = List.copyOf(chain);
      this.login = login;
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
      if (!login.isOpen()) {
        throw new SigningFailure(Reason.CLOSED, "the signing session is closed", null);
      }
      java.security.Signature signature;
      try {
        signature = java.security.Signature.getInstance(algorithm, provider);
        signature.initSign(key);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new SigningFailure(
            Reason.INVALID_REQUEST,
            "the token cannot sign with " + algorithm + " and this " + key.getAlgorithm() + " key",
            e);
      }
      try {
        signature.update(data);
        return signature.sign();
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new SigningFailure(Reason.UNAVAILABLE, "the token did not sign", e);
      }
    }

    @Override
    public boolean isOpen() {
      return login.isOpen();
    }

    @Override
    public void close() {
      login.close();
    }
  }

  // --- credentials ---------------------------------------------------------------------------

  /** Every key entry of the token (a token is a person's, a module's slot a tenant's). */
  @Override
  public List<Credential> credentials(String signatory, char[] pin) throws SigningFailure {
    try (TokenLogin login = login(pin)) {
      List<Credential> found = new ArrayList<>();
      for (String alias : Collections.list(login.store.aliases())) {
        if (login.store.isKeyEntry(alias)) {
          List<X509Certificate> chain = chain(login.store, alias);
          found.add(
              new Credential(
                  alias,
                  chain.isEmpty() ? alias : chain.get(0).getSubjectX500Principal().getName(),
                  chain.isEmpty() || isPlaceholder(chain.get(0)) ? List.of() : chain));
        }
      }
      found.sort(java.util.Comparator.comparing(Credential::id));
      return found;
    } catch (GeneralSecurityException e) {
      throw new SigningFailure(Reason.UNAVAILABLE, "the token's keys cannot be listed", e);
    }
  }

  @Override
  public NewCredential createCredential(CredentialRequest request, char[] pin)
      throws SigningFailure {
    String alias = "rokhsa-" + UUID.randomUUID();
    try (TokenLogin login = login(pin)) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(request.keyAlgorithm(), provider);
      if ("EC".equals(request.keyAlgorithm())) {
        generator.initialize(new ECGenParameterSpec("secp" + request.keySize() + "r1"));
      } else {
        generator.initialize(request.keySize());
      }
      KeyPair pair = generator.generateKeyPair();
      login.store.setKeyEntry(
          alias, pair.getPrivate(), null, new Certificate[] {placeholder(pair, request)});
      return new NewCredential(alias, pair.getPublic());
    } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
      throw new SigningFailure(Reason.UNAVAILABLE, "the token did not make the key", e);
    }
  }

  @Override
  public void storeCertificateChain(String credentialId, List<X509Certificate> chain, char[] pin)
      throws SigningFailure {
    checkAlias(credentialId);
    if (chain == null || chain.isEmpty()) {
      throw new SigningFailure(Reason.INVALID_REQUEST, "no certificate given", null);
    }
    try (TokenLogin login = login(pin)) {
      KeyStore store = login.store;
      if (!store.isKeyEntry(credentialId)) {
        throw new SigningFailure(
            Reason.UNKNOWN_CREDENTIAL, "no such credential on the token: " + credentialId, null);
      }
      if (!store.getCertificate(credentialId).getPublicKey().equals(chain.get(0).getPublicKey())) {
        throw new SigningFailure(
            Reason.INVALID_REQUEST,
            "the certificate is not for the key of credential " + credentialId,
            null);
      }
      PrivateKey key = (PrivateKey) store.getKey(credentialId, null);
      store.setKeyEntry(credentialId, key, null, chain.toArray(Certificate[]::new));
    } catch (GeneralSecurityException e) {
      throw new SigningFailure(
          Reason.UNAVAILABLE, "the token did not store the certificate of " + credentialId, e);
    }
  }

  // --- the token -----------------------------------------------------------------------------

  /** Waits for the token, then logs in with this PIN (after logging out whoever was). */
  private TokenLogin login(char[] pin) throws SigningFailure {
    Provider p = provider();
    try {
      if (!token.tryAcquire(sessionWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SigningFailure(
            Reason.UNAVAILABLE, "the token is busy with another signing session", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SigningFailure(Reason.UNAVAILABLE, "interrupted while waiting for the token", e);
    }
    try {
      logout();
      KeyStore store = KeyStore.getInstance("PKCS11", p);
      store.load(null, pin == null ? new char[0] : pin);
      return new TokenLogin(store);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      token.release();
      throw loginFailure(e);
    }
  }

  private static SigningFailure loginFailure(Exception e) {
    String causes = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes += " " + t.getClass().getSimpleName() + ":" + t.getMessage();
    }
    if (causes.contains("CKR_PIN_LOCKED")) {
      return new SigningFailure(Reason.LOCKED, "the token's PIN is locked", null);
    }
    if (causes.contains("CKR_PIN_INCORRECT")
        || causes.contains("CKR_PIN_LEN_RANGE")
        || causes.contains("FailedLoginException")
        || causes.contains("UnrecoverableKeyException")) {
      return new SigningFailure(Reason.WRONG_PIN, "wrong PIN for the token", null);
    }
    return new SigningFailure(Reason.UNAVAILABLE, "the token cannot be opened", e);
  }

  private void logout() {
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException | RuntimeException e) {
      // not logged in, or the token is gone: nothing to undo
    }
  }

  /** The SunPKCS11 provider for the configured module, made once. */
  private synchronized Provider provider() throws SigningFailure {
    if (provider != null) {
      return provider;
    }
    String library =
        context
            .setting("library")
            .orElseThrow(
                () ->
                    new SigningFailure(
                        Reason.UNAVAILABLE,
                        "no PKCS#11 module configured (rokhsa.plugin.signature-pkcs11.library)",
                        null));
    if (!Files.isRegularFile(Path.of(library))) {
      throw new SigningFailure(
          Reason.UNAVAILABLE, "the PKCS#11 module " + library + " is not installed", null);
    }
    StringBuilder config = new StringBuilder("--name=rokhsa\n");
    config.append("library=").append(library).append('\n');
    String slot = context.setting("slot").orElse(null);
    if (slot != null) {
      config.append("slot=").append(Long.parseLong(slot.strip())).append('\n');
    } else {
      config
          .append("slotListIndex=")
          .append(Integer.parseInt(context.setting("slot-list-index").orElse("0").strip()))
          .append('\n');
    }
    // Keys made here are the token's own (kept), private, never readable outside it.
    config.append(
        "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
            + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n"
            + "  CKA_EXTRACTABLE = false\n  CKA_SIGN = true\n}\n"
            + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_VERIFY = true\n}\n");
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new SigningFailure(
          Reason.UNAVAILABLE,
          "this JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)",
          null);
    }
    try {
      provider = base.configure(config.toString());
    } catch (RuntimeException e) {
      throw new SigningFailure(
          Reason.UNAVAILABLE, "the PKCS#11 module " + library + " cannot be used", e);
    }
    return provider;
  }

  private static void checkAlias(String credentialId) throws SigningFailure {
    if (credentialId == null || !ALIAS.matcher(credentialId).matches()) {
      throw new SigningFailure(
          Reason.UNKNOWN_CREDENTIAL, "no such credential on the token: " + credentialId, null);
    }
  }

  private static List<X509Certificate> chain(KeyStore store, String alias)
      throws GeneralSecurityException {
    Certificate[] certificates = store.getCertificateChain(alias);
    List<X509Certificate> chain = new ArrayList<>();
    if (certificates != null) {
      for (Certificate c : certificates) {
        chain.add((X509Certificate) c);
      }
    }
    return chain;
  }

  private static final String PLACEHOLDER = "CN=Rokhsa credential awaiting its certificate";

  private static boolean isPlaceholder(X509Certificate certificate) {
    return certificate
        .getSubjectX500Principal()
        .equals(new javax.security.auth.x500.X500Principal(PLACEHOLDER));
  }

  /** The self-signed certificate a key entry needs until the real one comes; it cannot sign. */
  private X509Certificate placeholder(KeyPair pair, CredentialRequest request)
      throws OperatorCreationException, GeneralSecurityException {
    Instant now = context.clock().instant();
    X500Name name = new X500Name(PLACEHOLDER);
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
            builder.build(
                new JcaContentSignerBuilder(algorithm)
                    .setProvider(provider)
                    .build(pair.getPrivate())));
  }
}
