package ma.rokhsa.interfaces.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A request parameter or body field that cannot be used, named: answered 400 with {@code
 * invalid-params} naming it (RFC 9457).
 */
public class InvalidParameter extends BadRequestException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the query, path or header parameter, or the field of the body
   * @param reason why it is invalid, for the client
   */
  public InvalidParameter(String parameter, String reason) {
    super(reason);
    this.parameter = parameter;
  }

  /** The parameter or field at fault. */
  public String parameter() {
    return parameter;
  }
}
