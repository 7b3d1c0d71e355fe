package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import ma.rokhsa.application.AuthorizationDelivery.Delivered;
import ma.rokhsa.application.AuthorizationDelivery.Signer;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.infrastructure.signing.providers.ProviderSigningKey;
import ma.rokhsa.infrastructure.signing.providers.SignatureProviders;

/**
 * The signatory's side of delivery: what awaits their signature, and signing one dossier or a batch
 * in one session — the key opened once with the PIN (which is cleared at once and never stored),
 * each dossier then delivered in a transaction of its own ({@link AuthorizationDelivery#deliver}),
 * the key locked again at the end. A wrong PIN, or a key that may not sign, refuses the whole batch
 * before anything is written.
 *
 * <p>Who may sign, with which key and under which mandate, is {@link SigningRights}' answer
 * (through {@link AuthorizationDelivery#signer}); an interim signatory's mandate is printed on
 * every document of the batch ("par délégation").
 */
@ApplicationScoped
public class DeliveryService {

  private AuthorizationDelivery delivery;
  private SignatureProviders providers;
  private DossierQueries queries;

  /** For CDI's proxy. */
  protected DeliveryService() {}

  @Inject
  DeliveryService(
      AuthorizationDelivery delivery, SignatureProviders providers, DossierQueries queries) {
    this.delivery = delivery;
    this.providers = providers;
    this.queries = queries;
  }

  /**
   * Signs and delivers each dossier, in the order given, with the caller's key opened once.
   *
   * @param pin the signatory's PIN; cleared before this returns
   * @param expectedVersion for a single dossier, the version the caller read ({@code If-Match})
   * @return one outcome per dossier: delivered, or why not
   * @throws SigningRefused NO_SIGNING_RIGHT (not a signatory, an interim without a mandate in
   *     force), WRONG_PIN, KEY_UNUSABLE (no usable key) or PROVIDER_UNAVAILABLE — before any
   *     dossier is touched
   */
  public List<Outcome> sign(
      TenantContext context, List<DossierId> dossiers, char[] pin, OptionalLong expectedVersion) {
    try {
      if (dossiers.isEmpty()) {
        throw new InvalidInput("dossiers: name at least one dossier to sign");
      }
      Signer signer = delivery.signer(context);
      List<Outcome> outcomes = new ArrayList<>();
      try (ProviderSigningKey key = providers.open(signer.key(), pin)) {
        for (DossierId id : dossiers) {
          try {
            outcomes.add(
                Outcome.delivered(
                    id,
                    delivery.deliver(context, id, signer, key, signer.mandate(), expectedVersion)));
          } catch (RuntimeException e) {
            if (dossiers.size() == 1 || e instanceof SigningRefused) {
              throw e;
            }
            outcomes.add(Outcome.failed(id, e));
          }
        }
      }
      return outcomes;
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  /**
   * What became of one dossier of a batch.
   *
   * @param dossier the dossier
   * @param delivered its delivery, if signed
   * @param failure why not, otherwise (the exception the platform would have answered alone)
   */
  public record Outcome(
      DossierId dossier, Optional<Delivered> delivered, Optional<RuntimeException> failure) {

    static Outcome delivered(DossierId id, Delivered delivered) {
      return new Outcome(id, Optional.of(delivered), Optional.empty());
    }

    static Outcome failed(DossierId id, RuntimeException e) {
      return new Outcome(id, Optional.empty(), Optional.of(e));
    }
  }

  /**
   * A page of the tenant's dossiers whose next step is the caller's signature, the longest
   * unchanged first ({@link DossierQueries#awaitingSignature}).
   *
   * @throws AccessDenied if the caller is not a signatory here
   */
  public List<DossierFile> awaitingSignature(
      TenantContext context,
      Optional<ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition> after,
      int limit) {
    if (!context
        .actor()
        .actingRoles()
        .contains(ma.rokhsa.plugin.api.procedure.ActingRole.SIGNATORY)) {
      throw new AccessDenied("only a signatory has dossiers awaiting their signature");
    }
    return queries.awaitingSignature(context, after, limit);
  }
}
