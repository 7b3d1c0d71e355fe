package ma.rokhsa.domain.model.document;

import java.util.List;
import java.util.Optional;

/** The register of delivered authorizations of the tenant the transaction works for. */
public interface AuthorizationRegister {

  void store(DeliveredAuthorization document);

  Optional<DeliveredAuthorization> find(AuthorizationId id);

  /** The same, locked until the transaction ends (a revocation). */
  Optional<DeliveredAuthorization> findForUpdate(AuthorizationId id);

  /** A dossier's documents, the latest first. */
  List<DeliveredAuthorization> ofDossier(String dossierId);

  /** The documents whose signed PDF has this SHA-256. */
  List<DeliveredAuthorization> withFile(String sha256);
}
