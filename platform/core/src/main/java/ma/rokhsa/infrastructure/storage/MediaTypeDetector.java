package ma.rokhsa.infrastructure.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's media type from its first bytes (magic numbers, Apache Tika's registry), never
 * from its name or from what the sender declared: a PNG named {@code plan.pdf} is {@code
 * image/png}. What is not recognized is {@code application/octet-stream}. Thread-safe.
 */
public final class MediaTypeDetector {

  /** The type of content that nothing recognizes. */
  public static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

  private final MimeTypes types = MimeTypes.getDefaultMimeTypes(MimeTypes.class.getClassLoader());

  /** How many leading bytes detection looks at; more are ignored. */
  public int headLength() {
    return types.getMinLength();
  }

  /**
   * The media type of a content that starts with these bytes, without parameters ({@code
   * image/vnd.dxf}, not {@code image/vnd.dxf; format=ascii}).
   */
  public String detect(byte[] head, int length) {
    try {
      // An empty Metadata: no file name, no declared type, so only the bytes decide.
      MediaType type = types.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory failed", e);
    }
  }
}
