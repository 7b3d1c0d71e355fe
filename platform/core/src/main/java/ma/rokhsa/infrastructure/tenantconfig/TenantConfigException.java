package ma.rokhsa.infrastructure.tenantconfig;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is broken: nothing of it is applied. Lists every problem found. */
public class TenantConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public TenantConfigException(List<ConfigProblem> problems) {
    super(
        "tenant-config is not valid; nothing was applied ("
            + problems.size()
            + " problem(s)):\n  "
            + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
