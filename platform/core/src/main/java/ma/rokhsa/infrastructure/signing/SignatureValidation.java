package ma.rokhsa.infrastructure.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one signature of a PDF.
 *
 * @param field the signature field's name
 * @param signer the signer certificate's subject (RFC 2253), or empty if none was found
 * @param claimedTime the time the signature dictionary claims ({@code /M}), if any
 * @param timeStamp the time of its signature time stamp, if it has a valid one
 * @param level the PAdES level it reaches as validated (B-LT: every certificate's revocation status
 *     was found in the document itself)
 * @param coversWholeDocument whether its byte range ends at the end of the file (false for an
 *     earlier signature, or when validation data was appended after it)
 * @param status {@code VALID}, {@code INVALID} (broken, altered, revoked before it was signed) or
 *     {@code INDETERMINATE} (untrusted, no revocation data)
 * @param revocation the signer's revocation, if the revocation data says it is revoked
 * @param problems what is wrong, in English, empty when valid
 */
public record SignatureValidation(
    String field,
    String signer,
    Optional<Instant> claimedTime,
    Optional<Instant> timeStamp,
    PadesLevel level,
    boolean coversWholeDocument,
    Status status,
    Optional<Revocation> revocation,
    List<String> problems) {

  /** The ETSI EN 319 102-1 main indications. */
  public enum Status {
    VALID,
    INVALID,
    INDETERMINATE
  }

  /** When and why a certificate was revoked (an RFC 5280 CRLReason code). */
  public record Revocation(Instant when, int reason) {}

  public SignatureValidation {
    problems = List.copyOf(problems);
  }
}
