package ma.rokhsa.application;

/** The thing named does not exist (or may not be known to the caller). Interfaces answer 404. */
public class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFound(String message) {
    super(message);
  }
}
