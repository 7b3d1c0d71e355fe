package ma.rokhsa.plugin.api.procedure;

import java.util.List;

/** A procedure definition is not valid: every problem found, each with where it is. */
public class DefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public DefinitionException(List<String> problems) {
    super("the procedure definition is not valid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as {@code resource:line: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
