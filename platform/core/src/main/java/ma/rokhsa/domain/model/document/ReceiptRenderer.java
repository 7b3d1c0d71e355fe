package ma.rokhsa.domain.model.document;

/** Renders the receipt of a deposit as a document the applicant keeps. */
public interface ReceiptRenderer {

  /**
   * The receipt as an A4 PDF, bilingual French and Arabic: one page, unless the list of documents
   * is too long for it and goes on over more pages.
   */
  byte[] render(Receipt receipt);
}
