package ma.rokhsa.application;

/**
 * What the caller sent cannot be used (a file that is not what it should be). Interfaces answer
 * 400.
 */
public class InvalidInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidInput(String message) {
    super(message);
  }
}
