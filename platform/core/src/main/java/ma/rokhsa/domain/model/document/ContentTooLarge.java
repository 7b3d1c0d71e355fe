package ma.rokhsa.domain.model.document;

public class ContentTooLarge extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public ContentTooLarge(long limit) {
    super("larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
