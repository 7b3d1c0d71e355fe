package ma.rokhsa.application;

/**
 * A procedure that exists but that this tenant cannot offer: its definition names other kinds of
 * tenant. Interfaces answer 422.
 */
public class ProcedureNotOfferable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProcedureNotOfferable(String message) {
    super(message);
  }
}
