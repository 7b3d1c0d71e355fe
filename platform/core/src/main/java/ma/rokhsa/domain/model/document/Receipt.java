package ma.rokhsa.domain.model.document;

public record Receipt(
    String reference,
    String trackingCode,
    String tenantNameFr,
    String tenantNameAr,
    String procedureNameFr,
    String procedureNameAr,
    String applicantName,
    java.time.OffsetDateTime depositedAt,
    java.util.List<ReceiptItem> documents,
    java.net.URI trackingUrl) {}
