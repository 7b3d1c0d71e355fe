package ma.rokhsa.infrastructure.signing.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.SigningRefused;
import ma.rokhsa.application.SigningRefused.Why;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.infrastructure.plugins.PluginHost;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.api.signature.SignatureProvider.CredentialRequest;
import ma.rokhsa.plugin.api.signature.SignatureProvider.NewCredential;
import ma.rokhsa.plugin.api.signature.SigningFailure;

/**
 * The signature providers offered by the started plugins, by id, and the one door through which a
 * signature key is opened for signing: {@link #open}. Looked up afresh on each call, so a provider
 * whose plugin was stopped or upgraded is never used. Holds no resource.
 */
@ApplicationScoped
public class SignatureProviders {

  private Supplier<List<SignatureProvider>> started;
  private Clock clock;

  /** For CDI's proxy. */
  protected SignatureProviders() {}

  @Inject
  SignatureProviders(PluginHost plugins, Clock clock) {
    this(plugins::signatureProviders, clock);
  }

  /**
   * @param started the providers of the started plugins, asked for at each look-up
   */
  public SignatureProviders(Supplier<List<SignatureProvider>> started, Clock clock) {
    this.started = started;
    this.clock = clock;
  }

  /** Every provider offered now. */
  public List<SignatureProvider> all() {
    return started.get();
  }

  /** The provider with this id, if a started plugin offers it. */
  public Optional<SignatureProvider> provider(String id) {
    return started.get().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The provider a tenant's new keys are made in ({@code signature.provider} of {@code
   * tenant-config/}).
   *
   * @throws SigningRefused PROVIDER_UNAVAILABLE if no started plugin offers it
   */
  public SignatureProvider providerOf(Tenant tenant) {
    return require(tenant.signatureProvider());
  }

  /**
   * Opens a signature key for signing with its signatory's PIN, and clears the PIN's array. Checks,
   * in this order, that the key may sign now (bound, not revoked, its certificate valid), that its
   * provider is started, that the PIN unlocks it, and that the provider's certificate is the one
   * recorded for the key.
   *
   * @throws SigningRefused KEY_UNUSABLE, WRONG_PIN or PROVIDER_UNAVAILABLE
   */
  public ProviderSigningKey open(SignatureKey key, char[] pin) {
    try {
      Optional<String> why = key.whyNotSign(clock.instant());
      if (why.isPresent()) {
        throw new SigningRefused(Why.KEY_UNUSABLE, why.get(), null);
      }
      SignatureProvider provider = require(key.provider().orElseThrow());
      ProviderSigningKey opened =
          ProviderSigningKey.open(provider, key.credentialId().orElseThrow(), pin);
      X509Certificate recorded = key.certificate().orElseThrow();
      List<X509Certificate> chain = opened.chain();
      if (chain.isEmpty() || !chain.get(0).equals(recorded)) {
        opened.close();
        throw new SigningRefused(
            Why.KEY_UNUSABLE,
            "the credential's certificate at "
                + provider.id()
                + " is not the one recorded for signature key "
                + key.id(),
            null);
      }
      return opened;
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  /**
   * Makes a new credential in {@code provider}, protected by the PIN (the array is cleared).
   *
   * @throws SigningRefused WRONG_PIN (a token's user PIN), KEY_UNUSABLE (a locked token) or
   *     PROVIDER_UNAVAILABLE
   * @throws InvalidInput when the provider rejects the request (a PIN too short)
   */
  public NewCredential createCredential(
      SignatureProvider provider, CredentialRequest request, char[] pin) {
    try {
      return provider.createCredential(request, pin);
    } catch (SigningFailure e) {
      throw refusal(provider.id(), e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /**
   * Stores a credential's certificate chain in its provider (the PIN's array is cleared).
   *
   * @throws SigningRefused WRONG_PIN, KEY_UNUSABLE or PROVIDER_UNAVAILABLE
   * @throws InvalidInput when the provider rejects the chain
   */
  public void storeCertificateChain(
      String providerId, String credentialId, List<X509Certificate> chain, char[] pin) {
    try {
      SignatureProvider provider = require(providerId);
      try {
        provider.storeCertificateChain(credentialId, chain, pin);
      } catch (SigningFailure e) {
        throw refusal(provider.id(), e);
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** A request the provider rejects (a PIN too short, a chain not for the key) is bad input. */
  private static RuntimeException refusal(String providerId, SigningFailure e) {
    if (e.reason() == SigningFailure.Reason.INVALID_REQUEST) {
      return new InvalidInput(providerId + ": " + e.getMessage());
    }
    return ProviderSigningKey.refusal(providerId, e);
  }

  private SignatureProvider require(String id) {
    return provider(id)
        .orElseThrow(
            () ->
                new SigningRefused(
                    Why.PROVIDER_UNAVAILABLE,
                    "signature provider " + id + " is not offered by any started plugin",
                    null));
  }
}
