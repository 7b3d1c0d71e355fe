package ma.rokhsa.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An admin's choice, made through the API, to offer or not one procedure in a tenant. It wins over
 * what {@code tenant-config/} says about that procedure until it is reset; see {@link
 * Tenant#procedures()}.
 */
@Embeddable
public class ProcedureChoice {

  /** The longest procedure id a choice can name. */
  public static final int PROCEDURE_ID_LENGTH = 100;

  static final int ACTOR_LENGTH = 200;

  @Column(name = "procedure_id", nullable = false, length = PROCEDURE_ID_LENGTH)
  private String procedureId;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "changed_by", nullable = false, length = ACTOR_LENGTH)
  private String changedBy;

  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected ProcedureChoice() {
    // for JPA
  }

  ProcedureChoice(String procedureId, boolean enabled, String changedBy, Instant changedAt) {
    this.procedureId = Objects.requireNonNull(procedureId, "procedureId");
    if (procedureId.isBlank() || procedureId.length() > PROCEDURE_ID_LENGTH) {
      throw new IllegalArgumentException("a procedure id has 1 to 100 characters");
    }
    this.enabled = enabled;
    this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
    if (changedBy.isBlank() || changedBy.length() > ACTOR_LENGTH) {
      throw new IllegalArgumentException("a choice names who made it (1 to 200 characters)");
    }
    this.changedAt = Objects.requireNonNull(changedAt, "changedAt").atOffset(ZoneOffset.UTC);
  }

  public String procedureId() {
    return procedureId;
  }

  /** Whether the admin chose to offer the procedure (true) or not to (false). */
  public boolean enabled() {
    return enabled;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt.toInstant();
  }
}
