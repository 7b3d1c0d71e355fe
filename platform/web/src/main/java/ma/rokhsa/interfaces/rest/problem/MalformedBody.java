package ma.rokhsa.interfaces.rest.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A request body that cannot be read at all (not UTF-8, for instance): 400 {@code malformed-body}
 * with the reason.
 */
public class MalformedBody extends BadRequestException {

  private static final long serialVersionUID = 1L;

  public MalformedBody(String reason) {
    super(reason);
  }
}
