package ma.rokhsa.domain.model.dossier;

import java.util.Objects;

/**
 * One version of one procedure, as a dossier follows it: the procedure's id and the version's
 * label, travelling together wherever a dossier's rules are looked up.
 *
 * @param id the procedure's id (e.g. {@code permis-de-construire})
 * @param version the version's label (e.g. {@code 1.2.0})
 */
public record ProcedureRef(String id, String version) {

  public ProcedureRef {
    Objects.requireNonNull(id, "a procedure id");
    Objects.requireNonNull(version, "a procedure version");
    if (id.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("a procedure reference needs an id and a version");
    }
  }

  /** The same procedure, in another version. */
  public ProcedureRef withVersion(String other) {
    return new ProcedureRef(id, other);
  }

  @Override
  public String toString() {
    return id + " " + version;
  }
}
