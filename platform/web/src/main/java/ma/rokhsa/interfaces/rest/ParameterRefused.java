package ma.rokhsa.interfaces.rest;

/**
 * A parameter that cannot be used, found by code that runs without JAX-RS (parsers, tested as plain
 * Java): the resource turns it into {@link InvalidParameter} (400, naming it) with {@link
 * #toInvalidParameter()}.
 */
public class ParameterRefused extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  public ParameterRefused(String parameter, String reason) {
    super(reason);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public InvalidParameter toInvalidParameter() {
    return new InvalidParameter(parameter, getMessage());
  }
}
