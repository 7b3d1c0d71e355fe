package ma.rokhsa.domain.model.document;

/** Tells a file's media type from its first bytes, never from its name or a declared type. */
public interface MediaTypeDetector {

  /** How many leading bytes {@link #detect} needs at most. */
  int HEAD_BYTES = 64 * 1024;

  /**
   * The media type of content starting with {@code head} ({@code application/octet-stream} when
   * unknown).
   */
  String detect(byte[] head);
}
