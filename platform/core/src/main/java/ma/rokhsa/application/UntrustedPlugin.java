package ma.rokhsa.application;

/**
 * A plugin zip refused because its signature is missing, does not match the zip, or comes from a
 * vendor the platform does not trust. Interfaces answer 422 with the reason.
 */
public class UntrustedPlugin extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UntrustedPlugin(String message) {
    super(message);
  }
}
