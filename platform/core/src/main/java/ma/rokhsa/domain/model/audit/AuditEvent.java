package ma.rokhsa.domain.model.audit;

public record AuditEvent(
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String detail,
    String sourceAddress) {}
