package ma.rokhsa.infrastructure.signing.providers;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ma.rokhsa.application.PluginFailure;
import ma.rokhsa.application.SigningRefused;
import ma.rokhsa.application.SigningRefused.Why;
import ma.rokhsa.infrastructure.signing.SigningKey;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SigningFailure;
import ma.rokhsa.plugin.api.signature.SigningSession;

/**
 * A signature key opened for signing: a {@link SigningSession} of its provider, unlocked with the
 * signatory's PIN, for one signature or a batch. What the signing engine signs through: the chain
 * and a {@code sign(jcaAlgorithm, data)}, with the provider's failures turned into the platform's
 * ({@link SigningRefused}, {@link PluginFailure}). Whoever opens it closes it, right after the
 * batch:
 *
 * <pre>{@code
 * try (ProviderSigningKey key = providers.open(signatureKey, pin)) {
 *   byte[] cms = engine.sign(key.chain(), key::sign, document);
 * }
 * }</pre>
 *
 * <p>Made by {@link SignatureProviders#open} (which checks the key may sign, then that the
 * provider's certificate is the one recorded for it) or {@link #open(SignatureProvider, String,
 * char[])}. One thread at a time.
 */
public final class ProviderSigningKey implements SigningKey, AutoCloseable {

  private final String providerId;
  private final SigningSession session;

  private ProviderSigningKey(String providerId, SigningSession session) {
    this.providerId = providerId;
    this.session = session;
  }

  /**
   * Opens a credential of a provider with the PIN, and clears the PIN's array whatever happens.
   *
   * @throws SigningRefused WRONG_PIN, KEY_UNUSABLE or PROVIDER_UNAVAILABLE
   * @throws PluginFailure if the provider fails in a way that is its own bug
   */
  public static ProviderSigningKey open(
      SignatureProvider provider, String credentialId, char[] pin) {
    Objects.requireNonNull(provider, "provider");
    try {
      SigningSession session = provider.open(credentialId, pin);
      if (session == null) {
        throw new PluginFailure(
            provider.id(), new IllegalStateException("open() returned no session"));
      }
      return new ProviderSigningKey(provider.id(), session);
    } catch (SigningFailure e) {
      throw refusal(provider.id(), e);
    } catch (RuntimeException e) {
      if (e instanceof SigningRefused || e instanceof PluginFailure) {
        throw e;
      }
      throw new PluginFailure(provider.id(), e);
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  /** The credential's certificate chain, signer's certificate first. */
  @Override
  public List<X509Certificate> chain() {
    return session.certificateChain();
  }

  /**
   * Signs {@code data} with the key ({@code SHA256withRSA}, {@code SHA256withECDSA}…).
   *
   * @throws SigningRefused KEY_UNUSABLE once closed; PROVIDER_UNAVAILABLE if the module fails
   */
  @Override
  public byte[] sign(String jcaAlgorithm, byte[] data) {
    try {
      byte[] signature = session.sign(jcaAlgorithm, data);
      if (signature == null || signature.length == 0) {
        throw new PluginFailure(providerId, new IllegalStateException("sign() returned nothing"));
      }
      return signature;
    } catch (SigningFailure e) {
      throw refusal(providerId, e);
    } catch (RuntimeException e) {
      if (e instanceof SigningRefused || e instanceof PluginFailure) {
        throw e;
      }
      throw new PluginFailure(providerId, e);
    }
  }

  /** Whether it can still sign. */
  public boolean isOpen() {
    return session.isOpen();
  }

  /** Locks the key again (closes the provider's session); idempotent. */
  @Override
  public void close() {
    session.close();
  }

  /** The platform's answer to a provider's failure. */
  static RuntimeException refusal(String providerId, SigningFailure e) {
    return switch (e.reason()) {
      case WRONG_PIN -> new SigningRefused(Why.WRONG_PIN, e.getMessage(), e);
      case LOCKED, UNKNOWN_CREDENTIAL, CLOSED ->
          new SigningRefused(Why.KEY_UNUSABLE, e.getMessage(), e);
      case UNAVAILABLE -> new SigningRefused(Why.PROVIDER_UNAVAILABLE, e.getMessage(), e);
      case INVALID_REQUEST, UNSUPPORTED -> new PluginFailure(providerId, e);
    };
  }
}
