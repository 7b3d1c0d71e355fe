package ma.rokhsa.domain.model.document;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the receipt (récépissé de dépôt) of a deposited dossier states, in French and Arabic.
 *
 * @param reference the dossier's reference
 * @param trackingCode the code the applicant follows the dossier with
 * @param tenantNameFr the administration that received the dossier (the commune), in French
 * @param tenantNameAr the same in Arabic
 * @param procedureNameFr the procedure ("Permis de construire"), in French
 * @param procedureNameAr the same in Arabic
 * @param applicantName the applicant as named in the dossier
 * @param depositedAt when the dossier was deposited (printed in Morocco's time)
 * @param documents the deposited documents, in the order to print them
 * @param trackingUrl where the dossier can be followed; the receipt's QR code holds it
 * @param fee the fee of the dossier as deposited, in dirhams (zero for a free procedure)
 */
public record Receipt(
    String reference,
    String trackingCode,
    String tenantNameFr,
    String tenantNameAr,
    String procedureNameFr,
    String procedureNameAr,
    String applicantName,
    OffsetDateTime depositedAt,
    List<ReceiptItem> documents,
    URI trackingUrl,
    BigDecimal fee) {

  public Receipt {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(trackingCode, "tracking code");
    Objects.requireNonNull(tenantNameFr, "French tenant name");
    Objects.requireNonNull(tenantNameAr, "Arabic tenant name");
    Objects.requireNonNull(procedureNameFr, "French procedure name");
    Objects.requireNonNull(procedureNameAr, "Arabic procedure name");
    Objects.requireNonNull(applicantName, "applicant name");
    Objects.requireNonNull(depositedAt, "deposit time");
    documents = List.copyOf(documents);
    Objects.requireNonNull(trackingUrl, "tracking URL");
    Objects.requireNonNull(fee, "fee");
  }

  /** A receipt of a free procedure. */
  public Receipt(
      String reference,
      String trackingCode,
      String tenantNameFr,
      String tenantNameAr,
      String procedureNameFr,
      String procedureNameAr,
      String applicantName,
      OffsetDateTime depositedAt,
      List<ReceiptItem> documents,
      URI trackingUrl) {
    this(
        reference,
        trackingCode,
        tenantNameFr,
        tenantNameAr,
        procedureNameFr,
        procedureNameAr,
        applicantName,
        depositedAt,
        documents,
        trackingUrl,
        BigDecimal.ZERO);
  }
}
