package ma.rokhsa.domain.model.rollout;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A follow-up commission of the rollout, set up on one territory with its nominated members: a
 * regional commission on a region, local ones on prefectures, provinces and communes.
 */
@Entity
@Table(name = "follow_up_commission")
public class FollowUpCommission {

  static final int NAME_LENGTH = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_commission_seq")
  @SequenceGenerator(
      name = "follow_up_commission_seq",
      sequenceName = "follow_up_commission_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  private String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(name = "commission_level", nullable = false, updatable = false, length = 16)
  private CommissionLevel level;

  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "follow_up_commission_member",
      joinColumns = @JoinColumn(name = "commission_id"))
  @OrderColumn(name = "member_index")
  private List<CommissionMember> members = new ArrayList<>();

  @Column(name = "recorded_by", nullable = false, updatable = false, length = 200)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  private OffsetDateTime recordedAt;

  protected FollowUpCommission() {
    // for JPA
  }

  /**
   * Records a commission set up on {@code territory}.
   *
   * @throws RuleViolation if a commission of this level cannot sit on this kind of territory
   * @throws IllegalArgumentException if there is no member, or a text is blank or too long
   */
  public static FollowUpCommission record(
      Tenant territory,
      CommissionLevel level,
      String name,
      List<CommissionMember> members,
      String recordedBy,
      Instant recordedAt) {
    Objects.requireNonNull(level, "level");
    if (!level.fits(territory.kind())) {
      throw new RuleViolation(
          "a "
              + level
              + " follow-up commission sits on "
              + level.where()
              + "; "
              + territory.id()
              + " is "
              + territory.kind(),
          Arrays.stream(CommissionLevel.values())
              .filter(l -> l.fits(territory.kind()))
              .map(Enum::name)
              .toList());
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a commission needs at least one member");
    }
    FollowUpCommission commission = new FollowUpCommission();
    commission.tenantId = territory.id().value();
    commission.level = level;
    commission.name = Texts.required(name, "name", NAME_LENGTH);
    commission.members = new ArrayList<>(members);
    commission.recordedBy = Texts.required(recordedBy, "recordedBy", 200);
    commission.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    return commission;
  }

  /** Whether this commission and {@code other} would be the same one: same level and name. */
  public boolean sameAs(CommissionLevel otherLevel, String otherName) {
    return level == otherLevel && name.equalsIgnoreCase(otherName.strip());
  }

  /** Assigned when stored; empty before. */
  public Optional<Long> id() {
    return Optional.ofNullable(id);
  }

  public TenantId territory() {
    return TenantId.of(tenantId);
  }

  public CommissionLevel level() {
    return level;
  }

  public String name() {
    return name;
  }

  public List<CommissionMember> members() {
    return List.copyOf(members);
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt.toInstant();
  }

  /** One line for the audit trail. */
  public String summary() {
    return "commission="
        + level
        + " '"
        + Texts.abbreviate(name, 100)
        + "' members="
        + members.size();
  }
}
