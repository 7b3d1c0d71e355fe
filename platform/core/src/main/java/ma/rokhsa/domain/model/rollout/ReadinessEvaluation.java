package ma.rokhsa.domain.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A technological readiness evaluation of a commune: who evaluated it, when, against which
 * criteria, and whether it is ready. A commune over the readiness threshold is activated only once
 * its latest evaluation ({@link #CHRONOLOGICAL}) is positive. Evaluations are never changed or
 * removed: a new one is recorded instead.
 */
@Entity
@Table(name = "readiness_evaluation")
public class ReadinessEvaluation {

  /** Oldest first: by evaluation date, then by when it was recorded, then by id. */
  public static final Comparator<ReadinessEvaluation> CHRONOLOGICAL =
      Comparator.comparing(ReadinessEvaluation::evaluatedOn)
          .thenComparing(e -> e.recordedAt)
          .thenComparing(e -> e.id, Comparator.nullsFirst(Comparator.naturalOrder()));

  static final int EVALUATOR_LENGTH = 200;
  static final int CRITERIA_LENGTH = 4000;
  static final int ACTOR_LENGTH = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "readiness_evaluation_seq")
  @SequenceGenerator(
      name = "readiness_evaluation_seq",
      sequenceName = "readiness_evaluation_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  private String tenantId;

  @Column(name = "evaluated_on", nullable = false, updatable = false)
  private LocalDate evaluatedOn;

  @Column(name = "evaluator", nullable = false, updatable = false, length = EVALUATOR_LENGTH)
  private String evaluator;

  @Column(name = "criteria", nullable = false, updatable = false, length = CRITERIA_LENGTH)
  private String criteria;

  @Column(name = "positive", nullable = false, updatable = false)
  private boolean positive;

  @Column(name = "recorded_by", nullable = false, updatable = false, length = ACTOR_LENGTH)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  private OffsetDateTime recordedAt;

  protected ReadinessEvaluation() {
    // for JPA
  }

  /**
   * Records an evaluation of {@code commune}.
   *
   * @throws RuleViolation if the tenant is not a commune: only communes are evaluated
   * @throws IllegalArgumentException if a text is blank or too long
   */
  public static ReadinessEvaluation record(
      Tenant commune,
      LocalDate evaluatedOn,
      String evaluator,
      String criteria,
      boolean positive,
      String recordedBy,
      Instant recordedAt) {
    if (!commune.kind().isCommune()) {
      throw new RuleViolation(
          "only communes are evaluated for readiness; "
              + commune.id()
              + " is "
              + commune.kind()
              + " (an arrondissement follows its commune)");
    }
    ReadinessEvaluation evaluation = new ReadinessEvaluation();
    evaluation.tenantId = commune.id().value();
    evaluation.evaluatedOn = Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    evaluation.evaluator = Texts.required(evaluator, "evaluator", EVALUATOR_LENGTH);
    evaluation.criteria = Texts.required(criteria, "criteria", CRITERIA_LENGTH);
    evaluation.positive = positive;
    evaluation.recordedBy = Texts.required(recordedBy, "recordedBy", ACTOR_LENGTH);
    evaluation.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    return evaluation;
  }

  /** Assigned when stored; empty before. */
  public Optional<Long> id() {
    return Optional.ofNullable(id);
  }

  public TenantId tenant() {
    return TenantId.of(tenantId);
  }

  public LocalDate evaluatedOn() {
    return evaluatedOn;
  }

  public String evaluator() {
    return evaluator;
  }

  public String criteria() {
    return criteria;
  }

  public boolean positive() {
    return positive;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt.toInstant();
  }

  /** One line for the audit trail: {@code readiness=positive on 2026-11-20 by ADD}. */
  String summary() {
    return "readiness="
        + (positive ? "positive" : "negative")
        + " on "
        + evaluatedOn
        + " by "
        + Texts.abbreviate(evaluator, 100);
  }
}
