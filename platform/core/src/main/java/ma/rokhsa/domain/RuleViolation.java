package ma.rokhsa.domain;

import java.util.List;

/**
 * An action that the domain's rules do not allow in the current state (a status that cannot move
 * there, a quota exhausted…). Interfaces answer it as 409 Conflict with the message, and the
 * allowed alternatives when there are some.
 */
public class RuleViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> allowed;

  public RuleViolation(String message) {
    this(message, List.of());
  }

  public RuleViolation(String message, List<String> allowed) {
    super(message);
    this.allowed = List.copyOf(allowed);
  }

  /** What would be allowed instead, if anything (for example the statuses reachable now). */
  public List<String> allowed() {
    return allowed;
  }
}
