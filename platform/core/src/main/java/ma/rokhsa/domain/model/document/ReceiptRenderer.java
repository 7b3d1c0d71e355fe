package ma.rokhsa.domain.model.document;

public interface ReceiptRenderer {
  byte[] render(Receipt receipt);
}
