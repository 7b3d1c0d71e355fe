package ma.rokhsa.domain.model.signature;

import java.util.List;
import java.util.Optional;

/**
 * The signatories, keys and purchases of the current tenant. The tenant is never a parameter here:
 * the persistence layer filters every query by the tenant the calling service works for.
 */
public interface SignatureKeyRepository {

  List<Signatory> signatories();

  Optional<Signatory> signatory(Long id);

  void store(Signatory signatory);

  /** The signatory who signs in with this account (usernames are lower-case), if any. */
  Optional<Signatory> signatoryOfAccount(String username);

  /** Keys, newest first; revoked ones included. */
  List<SignatureKey> keys();

  Optional<SignatureKey> key(Long id);

  /** The key bound to this credential of this provider, revoked or not. */
  Optional<SignatureKey> keyOfCredential(String provider, String credentialId);

  /** A signatory's keys, newest first; revoked ones included. */
  List<SignatureKey> keysOf(Long signatoryId);

  void store(SignatureKey key);

  List<ExtraKeyPurchase> purchases();

  void store(ExtraKeyPurchase purchase);

  /** Mandates, newest first; ended and past ones included. */
  List<Mandate> mandates();

  Optional<Mandate> mandate(Long id);

  /** The mandates granted to this interim signatory, newest first. */
  List<Mandate> mandatesTo(Long interimId);

  void store(Mandate mandate);
}
