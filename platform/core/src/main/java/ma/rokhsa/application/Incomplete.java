package ma.rokhsa.application;

import java.util.List;
import ma.rokhsa.plugin.api.procedure.Violation;

/** A dossier cannot be submitted (or answered) as it is: each missing or invalid item, and why. */
public class Incomplete extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public Incomplete(List<Violation> violations) {
    super(violations.size() + " item(s) missing or invalid");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
