package ma.rokhsa.domain.model.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * A signatory's signing power delegated to an interim signatory of the same tenant for a period
 * ({@code [validFrom, validUntil)}), for a {@link MandateReason reason}. The interim signs with
 * their own key, on the delegator's behalf ("par délégation"): the document names the delegator and
 * the mandate's reference. A mandate may be ended early; it is never changed otherwise.
 */
@Entity
@Table(name = "mandate")
public class Mandate extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_seq")
  @SequenceGenerator(name = "mandate_seq", sequenceName = "mandate_seq", allocationSize = 50)
  private Long id;

  @Column(name = "reference", nullable = false, length = 40, updatable = false)
  private String reference;

  @Column(name = "delegator_id", nullable = false, updatable = false)
  private Long delegatorId;

  @Column(name = "interim_id", nullable = false, updatable = false)
  private Long interimId;

  @Column(name = "valid_from", nullable = false, updatable = false)
  private OffsetDateTime validFrom;

  @Column(name = "valid_until", nullable = false, updatable = false)
  private OffsetDateTime validUntil;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", nullable = false, length = 32, updatable = false)
  private MandateReason reason;

  @Column(name = "note", length = 500, updatable = false)
  private String note;

  @Column(name = "granted_by", nullable = false, length = 100, updatable = false)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private OffsetDateTime grantedAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Column(name = "ended_by", length = 100)
  private String endedBy;

  @Column(name = "end_reason", length = 500)
  private String endReason;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Mandate() {
    // for JPA
  }

  /**
   * Delegates {@code delegator}'s signing power to {@code interim} from {@code from} until (and
   * excluding) {@code until}.
   *
   * @param reference the tenant's reference of the mandate, printed on signed documents
   * @throws RuleViolation if the two are the same person, the delegator is an interim signatory (an
   *     interim does not delegate further), the period is empty or already over
   */
  public static Mandate grant(
      String reference,
      Signatory delegator,
      Signatory interim,
      Instant from,
      Instant until,
      MandateReason reason,
      String note,
      String grantedBy,
      Instant now) {
    if (reference == null || reference.isBlank() || reason == null) {
      throw new IllegalArgumentException("a mandate has a reference and a reason");
    }
    if (from == null || until == null) {
      throw new IllegalArgumentException("a mandate has a start and an end");
    }
    if (delegator == interim || (delegator.id() != null && delegator.id().equals(interim.id()))) {
      throw new RuleViolation("a signatory cannot delegate to themselves");
    }
    if (delegator.interim()) {
      throw new RuleViolation(
          delegator.fullName() + " is an interim signatory: only a titular signatory delegates");
    }
    if (!until.isAfter(from)) {
      throw new RuleViolation("the mandate ends (" + until + ") before it starts (" + from + ")");
    }
    if (!until.isAfter(now)) {
      throw new RuleViolation("the mandate's period is over (" + until + ")");
    }
    Mandate mandate = new Mandate();
    mandate.reference = reference;
    mandate.delegatorId = delegator.id();
    mandate.interimId = interim.id();
    mandate.validFrom = from.atOffset(ZoneOffset.UTC);
    mandate.validUntil = until.atOffset(ZoneOffset.UTC);
    mandate.reason = reason;
    mandate.note = note == null || note.isBlank() ? null : note.strip();
    mandate.grantedBy = grantedBy;
    mandate.grantedAt = now.atOffset(ZoneOffset.UTC);
    return mandate;
  }

  /** Whether the interim may sign under it at {@code at}: within its period, not ended before. */
  public boolean inForceAt(Instant at) {
    return !at.isBefore(validFrom.toInstant())
        && at.isBefore(validUntil.toInstant())
        && (endedAt == null || at.isBefore(endedAt.toInstant()));
  }

  /** The end of its force: its planned end, or when it was ended early. */
  public Instant effectiveEnd() {
    return endedAt == null || endedAt.toInstant().isAfter(validUntil.toInstant())
        ? validUntil.toInstant()
        : endedAt.toInstant();
  }

  /**
   * Ends the mandate early, at {@code now}.
   *
   * @throws RuleViolation if it was ended already or its period is over
   */
  public void end(Instant now, String by, String why) {
    if (endedAt != null) {
      throw new RuleViolation("mandate " + reference + " was ended on " + endedAt.toInstant());
    }
    if (!now.isBefore(validUntil.toInstant())) {
      throw new RuleViolation("mandate " + reference + " is over since " + validUntil.toInstant());
    }
    endedAt = now.atOffset(ZoneOffset.UTC);
    endedBy = by;
    endReason = why == null || why.isBlank() ? null : why.strip();
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public Long delegatorId() {
    return delegatorId;
  }

  public Long interimId() {
    return interimId;
  }

  public Instant validFrom() {
    return validFrom.toInstant();
  }

  public Instant validUntil() {
    return validUntil.toInstant();
  }

  public MandateReason reason() {
    return reason;
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public String grantedBy() {
    return grantedBy;
  }

  public Instant grantedAt() {
    return grantedAt.toInstant();
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> endedBy() {
    return Optional.ofNullable(endedBy);
  }

  public Optional<String> endReason() {
    return Optional.ofNullable(endReason);
  }
}
