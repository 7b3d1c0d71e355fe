package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ma.rokhsa.application.SigningRefused.Why;
import ma.rokhsa.domain.model.signature.Mandate;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.SignatureKeyRepository;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Who may sign for a tenant, with which key, and in whose name: the one question the signing flow
 * asks before it asks for a PIN. An account signs only as a named signatory of the tenant (the
 * signatory whose {@code username} it is); a titular signatory signs in their own name; an interim
 * signatory signs only under a {@link Mandate} in force at that instant, "par délégation" of the
 * delegator. Either way with their own newest key that may sign then (certified, not revoked,
 * within its certificate's validity).
 *
 * <pre>{@code
 * SigningRight right = signingRights.resolve(tenant, caller.username(), clock.instant());
 * try (ProviderSigningKey key = signatureProviders.open(right.key(), pin)) {
 *   // sign; print right.delegation() ("par délégation de …, mandat MAND-2026-0001") if present
 * }
 * }</pre>
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class SigningRights {

  private SignatureKeyRepository keys;

  /** For CDI's proxy. */
  protected SigningRights() {}

  @Inject
  SigningRights(SignatureKeyRepository keys) {
    this.keys = keys;
  }

  /**
   * The signing right of {@code account} in {@code tenant} at {@code at}.
   *
   * @throws SigningRefused {@link Why#NO_SIGNING_RIGHT} (403 {@code no-signing-right}) when the
   *     account names no signatory of the tenant, or names an interim signatory with no mandate in
   *     force at {@code at}; {@link Why#KEY_UNUSABLE} (403 {@code signing-key-unusable}) when the
   *     signatory has no key that may sign at {@code at} (none, revoked, expired, awaiting its
   *     certificate)
   */
  public SigningRight resolve(TenantId tenant, String account, Instant at) {
    if (account == null || account.isBlank()) {
      throw new SigningRefused(Why.NO_SIGNING_RIGHT, "no account", null);
    }
    Signatory signatory =
        keys.signatoryOfAccount(account.strip().toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new SigningRefused(
                        Why.NO_SIGNING_RIGHT,
                        "account " + account + " is not a named signatory of " + tenant,
                        null));
    Optional<SigningRight.Delegation> delegation = Optional.empty();
    if (signatory.interim()) {
      List<Mandate> mandates = keys.mandatesTo(signatory.id());
      Mandate mandate =
          mandates.stream()
              .filter(m -> m.inForceAt(at))
              .findFirst()
              .orElseThrow(
                  () ->
                      new SigningRefused(
                          Why.NO_SIGNING_RIGHT,
                          signatory.fullName()
                              + " is an interim signatory and holds no mandate in force at "
                              + at
                              + describe(mandates),
                          null));
      Signatory delegator = keys.signatory(mandate.delegatorId()).orElseThrow();
      delegation =
          Optional.of(
              new SigningRight.Delegation(
                  delegator.fullName(),
                  delegator.title(),
                  mandate.reference(),
                  mandate.validFrom(),
                  mandate.effectiveEnd()));
    }
    List<SignatureKey> held = keys.keysOf(signatory.id());
    Optional<SignatureKey> usable = held.stream().filter(k -> k.canSign(at)).findFirst();
    if (usable.isEmpty()) {
      throw new SigningRefused(
          Why.KEY_UNUSABLE,
          held.isEmpty()
              ? signatory.fullName() + " holds no signature key"
              : held.get(0).whyNotSign(at).orElseThrow(),
          null);
    }
    return new SigningRight(
        signatory.id(), signatory.fullName(), signatory.title(), usable.get(), delegation);
  }

  private static String describe(List<Mandate> mandates) {
    if (mandates.isEmpty()) {
      return "";
    }
    Mandate latest = mandates.get(0);
    return " (latest: "
        + latest.reference()
        + ", from "
        + latest.validFrom()
        + " until "
        + latest.effectiveEnd()
        + ")";
  }
}
