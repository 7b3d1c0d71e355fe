package ma.rokhsa.application;

import java.time.Instant;
import java.util.Optional;
import ma.rokhsa.domain.model.signature.SignatureKey;

/**
 * What {@link SigningRights#resolve} grants: the signatory, the key they sign with, and, when they
 * sign on someone's behalf, the mandate to print ("par délégation").
 *
 * @param signatoryId the signatory who signs
 * @param signatoryName their full name
 * @param signatoryTitle their title
 * @param key the key to open ({@code SignatureProviders.open(key, pin)})
 * @param delegation whose signing power they exercise, if not their own
 */
public record SigningRight(
    Long signatoryId,
    String signatoryName,
    String signatoryTitle,
    SignatureKey key,
    Optional<Delegation> delegation) {

  /**
   * A signature made under a mandate: printed on the document as "Par délégation de {@code
   * delegatorName}, {@code delegatorTitle} — mandat {@code reference}".
   *
   * @param delegatorName the signatory whose power is delegated
   * @param delegatorTitle their title (Président du conseil communal…)
   * @param reference the mandate's reference
   * @param validFrom start of the mandate
   * @param validUntil end of the mandate (its planned end, or when it was ended early)
   */
  public record Delegation(
      String delegatorName,
      String delegatorTitle,
      String reference,
      Instant validFrom,
      Instant validUntil) {}
}
