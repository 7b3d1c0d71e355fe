package ma.rokhsa.domain.model.document;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What was stored: SHA-256 (lower-case hex), size in bytes, media type detected from the bytes.
 *
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hexadecimal digits; the content's key
 * @param size the number of bytes
 * @param mediaType the media type found in the bytes themselves ({@code application/pdf}, {@code
 *     image/png}…), {@code application/octet-stream} when none is recognized
 */
public record StoredContent(String sha256, long size, String mediaType) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public StoredContent {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size: " + size);
    }
    Objects.requireNonNull(mediaType, "media type");
  }

  /** Whether the text is a SHA-256 as contents are keyed by: 64 lower-case hexadecimal digits. */
  public static boolean isSha256(String text) {
    return text != null && SHA256.matcher(text).matches();
  }
}
