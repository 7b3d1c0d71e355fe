package ma.rokhsa.domain.model.document;

/** Renders the receipt of a deposit as a document the applicant keeps. */
public interface ReceiptRenderer {

  /**
   * The receipt as a one-page A4 PDF, bilingual French and Arabic.
   *
   * @throws IllegalArgumentException when the receipt cannot fit one page (too many documents)
   */
  byte[] render(Receipt receipt);
}
