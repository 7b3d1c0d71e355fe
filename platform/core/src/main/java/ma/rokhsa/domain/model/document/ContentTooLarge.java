package ma.rokhsa.domain.model.document;

/**
 * Content refused because it is larger than allowed. Nothing of it was kept. Interfaces answer 413
 * Content Too Large.
 */
public class ContentTooLarge extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public ContentTooLarge(long limit) {
    super("the content is larger than the " + limit + " bytes allowed");
    this.limit = limit;
  }

  /** The largest size allowed, in bytes. */
  public long limit() {
    return limit;
  }
}
