package ma.rokhsa.domain.model.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Keeps file contents by their SHA-256: the same bytes are kept once, whoever deposits them and
 * under whatever name. Contents are never changed nor deleted through this interface; what refers
 * to them (attachments) lives in the database and names them by hash.
 *
 * <p>Implementations are thread-safe, and safe across the nodes that share one store.
 */
public interface ContentStore {

  /**
   * Streams in, hashing and counting; refuses (ContentTooLarge) past maxBytes and leaves nothing
   * behind; detects the media type from the bytes (never from a name or header); stores once per
   * hash (idempotent: same bytes → same StoredContent, no second copy).
   *
   * <p>The stream is read up to its end (or to the first byte past {@code maxBytes}), not closed.
   * When this method returns, the content is durably stored.
   *
   * @throws ContentTooLarge when the stream holds more than {@code maxBytes} bytes
   * @throws java.io.UncheckedIOException when the stream or the store fails; nothing is kept
   */
  StoredContent put(InputStream in, long maxBytes) throws ContentTooLarge;

  /**
   * The stored bytes, for the caller to read and close.
   *
   * @throws ma.rokhsa.application.NotFound when no content has that hash
   */
  InputStream open(String sha256) throws IOException;

  /** Whether a content with this hash is stored (false for anything that is not a SHA-256). */
  boolean contains(String sha256);

  /**
   * Every stored hash, for checks and garbage collection. The stream holds the store open: close it
   * (try-with-resources).
   */
  Stream<String> list() throws IOException;
}
