package ma.rokhsa.application;

/** A file whose bytes are not of a type its document accepts (whatever its name says). */
public class UnsupportedContent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsupportedContent(String message) {
    super(message);
  }
}
