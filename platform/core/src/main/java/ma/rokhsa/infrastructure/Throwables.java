package ma.rokhsa.infrastructure;

/** Small helpers for reporting failures to operators. */
public final class Throwables {

  private Throwables() {}

  /** The first line of the innermost cause's message: what actually went wrong. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
