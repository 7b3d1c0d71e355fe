package ma.rokhsa.domain.model.installation;

import java.util.Optional;

/** Where the installation is kept. */
public interface InstallationRepository {

  Optional<Installation> find();

  /**
   * Stores the installation. Fails if one is stored already: the table holds a single row, so two
   * nodes starting together on an empty database cannot both create one.
   */
  void store(Installation installation);
}
