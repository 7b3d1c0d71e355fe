package ma.rokhsa.domain.model.audit;

/**
 * What happened. actor: account username or "system"; action: e.g. "dossier.submitted";
 * subjectType/subjectId: e.g. "dossier"/"CAS-2026-000042"; detail: short JSON or text (may be
 * empty); sourceAddress: client IP or "" for the system.
 *
 * <p>A null detail or source address is taken as empty. Anything longer than its column, blank
 * where a value is required, or carrying a NUL character is refused with an {@link
 * IllegalArgumentException}: an audit entry is never silently cut.
 */
public record AuditEvent(
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String detail,
    String sourceAddress) {

  public static final int ACTOR_LENGTH = 200;
  public static final int ACTION_LENGTH = 100;
  public static final int SUBJECT_TYPE_LENGTH = 50;
  public static final int SUBJECT_ID_LENGTH = 200;
  public static final int DETAIL_LENGTH = 4000;
  public static final int SOURCE_ADDRESS_LENGTH = 100;

  /** The actor of what the platform does by itself (scheduled jobs, startup). */
  public static final String SYSTEM = "system";

  public AuditEvent {
    actor = required(actor, "actor", ACTOR_LENGTH);
    action = required(action, "action", ACTION_LENGTH);
    subjectType = required(subjectType, "subjectType", SUBJECT_TYPE_LENGTH);
    subjectId = required(subjectId, "subjectId", SUBJECT_ID_LENGTH);
    detail = optional(detail, "detail", DETAIL_LENGTH);
    sourceAddress = optional(sourceAddress, "sourceAddress", SOURCE_ADDRESS_LENGTH);
  }

  private static String required(String value, String name, int length) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an audit event needs a " + name);
    }
    return optional(value, name, length);
  }

  private static String optional(String value, String name, int length) {
    if (value == null) {
      return "";
    }
    if (value.length() > length) {
      throw new IllegalArgumentException(
          "the audit event's " + name + " is longer than " + length + " characters");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the audit event's " + name + " contains a NUL character");
    }
    return value;
  }
}
