package ma.rokhsa.domain.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * One rollout action, as the audit trail keeps it: who, when, what, on which tenant, and the state
 * before and after as short text ({@code status=PLANNED}). Append-only: never changed or removed.
 */
@Entity
@Table(name = "rollout_audit")
public class RolloutAuditEntry {

  static final int STATE_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rollout_audit_seq")
  @SequenceGenerator(
      name = "rollout_audit_seq",
      sequenceName = "rollout_audit_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "at", nullable = false, updatable = false)
  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  private OffsetDateTime at;

  @Column(name = "actor", nullable = false, updatable = false, length = 200)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, updatable = false, length = 64)
  private RolloutAction action;

  @Column(name = "tenant_id", updatable = false, length = 64)
  private String tenantId;

  @Column(name = "before_state", updatable = false, length = STATE_LENGTH)
  private String before;

  @Column(name = "after_state", updatable = false, length = STATE_LENGTH)
  private String after;

  protected RolloutAuditEntry() {
    // for JPA
  }

  /**
   * An entry for an action on {@code tenant}; {@code before} and {@code after} may be null when
   * there is no state on that side (a commission newly recorded has no before). Texts longer than
   * the column are cut, ending with an ellipsis.
   */
  public static RolloutAuditEntry of(
      Instant at,
      String actor,
      RolloutAction action,
      TenantId tenant,
      String before,
      String after) {
    RolloutAuditEntry entry = new RolloutAuditEntry();
    entry.at = at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    entry.actor = Texts.required(actor, "actor", 200);
    entry.action = Objects.requireNonNull(action, "action");
    entry.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    entry.before = Texts.abbreviate(before, STATE_LENGTH);
    entry.after = Texts.abbreviate(after, STATE_LENGTH);
    return entry;
  }

  /** Assigned when stored; empty before. */
  public Optional<Long> id() {
    return Optional.ofNullable(id);
  }

  public Instant at() {
    return at.toInstant();
  }

  public String actor() {
    return actor;
  }

  public RolloutAction action() {
    return action;
  }

  /** The tenant acted on (every action so far has one; the column allows none). */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenantId).map(TenantId::of);
  }

  public Optional<String> before() {
    return Optional.ofNullable(before);
  }

  public Optional<String> after() {
    return Optional.ofNullable(after);
  }
}
