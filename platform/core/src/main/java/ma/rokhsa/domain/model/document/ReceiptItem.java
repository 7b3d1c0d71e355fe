package ma.rokhsa.domain.model.document;

import java.util.Objects;

/**
 * One deposited document as the receipt lists it.
 *
 * @param labelFr what the document is, in French ("Plan de situation")
 * @param labelAr the same in Arabic
 * @param fileName the name the applicant gave the file
 * @param sha256 the stored content's SHA-256, which the receipt prints in short form
 */
public record ReceiptItem(String labelFr, String labelAr, String fileName, String sha256) {

  public ReceiptItem {
    Objects.requireNonNull(labelFr, "French label");
    Objects.requireNonNull(labelAr, "Arabic label");
    Objects.requireNonNull(fileName, "file name");
    if (!StoredContent.isSha256(sha256)) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
  }
}
