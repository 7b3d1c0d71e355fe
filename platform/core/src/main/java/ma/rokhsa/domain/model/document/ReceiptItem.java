package ma.rokhsa.domain.model.document;

public record ReceiptItem(String labelFr, String labelAr, String fileName, String sha256) {}
