package ma.rokhsa.domain.model.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256, in lower-case hex, over a canonical encoding of the tenant,
 * the sequence, the time, every field of the event and the previous entry's hash. The one place
 * this is computed, for the server that appends and for every verifier.
 *
 * <p>The encoding is a list of fields, each one written as its length in bytes (4 bytes,
 * big-endian) followed by its UTF-8 bytes, so that no choice of field values can make two different
 * entries encode alike. In order: the version tag {@code rokhsa-audit-v1}, the tenant id, the
 * sequence in decimal, the time as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC, always six fraction
 * digits), actor, action, subject type, subject id, detail, source address, previous hash. Anyone
 * can recompute it from a database dump with a few lines of any language.
 */
public final class AuditHash {

  /** The previous hash of the first entry of every chain. */
  public static final String GENESIS = "0".repeat(64);

  static final String VERSION = "rokhsa-audit-v1";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  /** The hash the entry must carry (its stored {@code hash} is not part of the input). */
  public static String of(ChainLink link) {
    return of(
        link.tenant(),
        link.sequence(),
        link.recordedAt(),
        link.actor(),
        link.action(),
        link.subjectType(),
        link.subjectId(),
        link.detail(),
        link.sourceAddress(),
        link.previousHash());
  }

  /** The hash of an entry made of these values. */
  public static String of(
      String tenant,
      long sequence,
      Instant recordedAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String detail,
      String sourceAddress,
      String previousHash) {
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(512);
    for (String field :
        new String[] {
          VERSION,
          tenant,
          Long.toString(sequence),
          time(recordedAt),
          actor,
          action,
          subjectType,
          subjectId,
          detail,
          sourceAddress,
          previousHash
        }) {
      byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
      encoded.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      encoded.writeBytes(bytes);
    }
    return HexFormat.of().formatHex(sha256().digest(encoded.toByteArray()));
  }

  /** The time as the encoding writes it; the database keeps microseconds, so only those count. */
  static String time(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
