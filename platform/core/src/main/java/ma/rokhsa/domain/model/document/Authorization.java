package ma.rokhsa.domain.model.document;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authorization (the permit delivered) states, in French and Arabic, before it is signed:
 * the procedure's template rendered with the dossier's facts, the conditions and reservations the
 * consulted bodies gave in their avis, the fees, the mandate the signatory signs under if any, and
 * where anyone checks it. Its {@link #contentHash() content hash} is printed in the document's QR
 * code and kept in the register, so that the printed facts can be matched to the register without
 * the PDF's bytes.
 *
 * @param documentId the document's public identifier (the register's key, in the QR code)
 * @param reference the dossier's reference
 * @param tenantNameFr the administration delivering it, in French
 * @param tenantNameAr the same in Arabic
 * @param procedureNameFr the procedure, in French (the document's title)
 * @param procedureNameAr the same in Arabic
 * @param textFr the procedure's template rendered in French
 * @param textAr the same in Arabic
 * @param conditions the conditions and reservations of the avis, in the order to print them
 * @param fees the fee lines
 * @param signatoryName who signs
 * @param signatoryTitle as what ("Président du Conseil communal")
 * @param mandate the mandate the signatory signs under, if any ("par délégation")
 * @param issuedAt when it is delivered
 * @param verificationUrl where its register entry is read (the QR code adds the hash to it)
 */
public record Authorization(
    String documentId,
    String reference,
    String tenantNameFr,
    String tenantNameAr,
    String procedureNameFr,
    String procedureNameAr,
    String textFr,
    String textAr,
    List<Condition> conditions,
    List<FeeLine> fees,
    String signatoryName,
    String signatoryTitle,
    Optional<Mandate> mandate,
    OffsetDateTime issuedAt,
    URI verificationUrl) {

  public Authorization {
    Objects.requireNonNull(documentId, "document id");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(tenantNameFr, "French tenant name");
    Objects.requireNonNull(tenantNameAr, "Arabic tenant name");
    Objects.requireNonNull(procedureNameFr, "French procedure name");
    Objects.requireNonNull(procedureNameAr, "Arabic procedure name");
    Objects.requireNonNull(textFr, "French text");
    Objects.requireNonNull(textAr, "Arabic text");
    conditions = List.copyOf(conditions);
    fees = List.copyOf(fees);
    Objects.requireNonNull(signatoryName, "signatory name");
    Objects.requireNonNull(signatoryTitle, "signatory title");
    Objects.requireNonNull(mandate, "mandate");
    Objects.requireNonNull(issuedAt, "issue time");
    Objects.requireNonNull(verificationUrl, "verification URL");
  }

  /**
   * A condition or reservation a consulted body set in its avis.
   *
   * @param bodyFr the body, in French
   * @param bodyAr the body, in Arabic
   * @param text what it asks, as it wrote it
   */
  public record Condition(String bodyFr, String bodyAr, String text) {
    public Condition {
      Objects.requireNonNull(bodyFr, "body");
      Objects.requireNonNull(bodyAr, "body");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A fee line: its label in both languages and its amount in dirhams. */
  public record FeeLine(String labelFr, String labelAr, BigDecimal amount) {
    public FeeLine {
      Objects.requireNonNull(labelFr, "label");
      Objects.requireNonNull(labelAr, "label");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * The delegation a signatory signs under: printed "par délégation / بالنيابة" with the delegator.
   *
   * @param delegatorName who delegated the signing power
   * @param delegatorRole as what ("Président du Conseil communal")
   * @param reference the mandate's reference (decision number)
   */
  public record Mandate(String delegatorName, String delegatorRole, String reference) {
    public Mandate {
      Objects.requireNonNull(delegatorName, "delegator name");
      Objects.requireNonNull(delegatorRole, "delegator role");
      Objects.requireNonNull(reference, "mandate reference");
    }
  }

  /** The total of the fees, in dirhams. */
  public BigDecimal feeTotal() {
    return fees.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The SHA-256 (hexadecimal) of what the document states, in a canonical form (each statement on
   * its own line, UTF-8): the document id, the reference, both texts, the conditions, the fees, the
   * signatory, the mandate and the issue time. The QR code and the register carry it.
   */
  public String contentHash() {
    StringBuilder canonical = new StringBuilder();
    line(canonical, "document", documentId);
    line(canonical, "reference", reference);
    line(canonical, "tenant", tenantNameFr + " | " + tenantNameAr);
    line(canonical, "procedure", procedureNameFr + " | " + procedureNameAr);
    line(canonical, "text-fr", textFr);
    line(canonical, "text-ar", textAr);
    for (Condition c : conditions) {
      line(canonical, "condition", c.bodyFr() + " | " + c.text());
    }
    for (FeeLine f : fees) {
      line(canonical, "fee", f.labelFr() + " | " + f.amount().toPlainString());
    }
    line(canonical, "signatory", signatoryName + " | " + signatoryTitle);
    mandate.ifPresent(
        m ->
            line(
                canonical,
                "mandate",
                m.delegatorName() + " | " + m.delegatorRole() + " | " + m.reference()));
    line(canonical, "issued", issuedAt.toInstant().toString());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the QR code holds: the verification address with the content hash. */
  public String qrContent() {
    return verificationUrl + "?sha256=" + contentHash();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(name).append('=').append(value.replace("\r", "").replace("\n", "\\n")).append('\n');
  }
}
