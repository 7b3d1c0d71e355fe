package ma.rokhsa.application;

import ma.rokhsa.domain.model.dossier.Dossier;

/**
 * The dossier changed since the caller read it (another agent acted first): nothing was done, and
 * the caller is told the dossier's current state and version.
 */
public class StaleDossier extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String state;
  private final long version;

  public StaleDossier(Dossier current) {
    super(
        "dossier "
            + current.describe()
            + " changed meanwhile: it is now "
            + current.state().orElse(current.phase().name())
            + " at version "
            + current.version());
    this.state = current.state().orElse(current.phase().name());
    this.version = current.version();
  }

  public String state() {
    return state;
  }

  public long version() {
    return version;
  }
}
