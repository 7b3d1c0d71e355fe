package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * The avis of one consulted body on one dossier, in one round of the commission: asked when the
 * dossier reaches the commission, given once.
 */
@Entity
@Table(name = "dossier_avis")
public class Avis extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_avis_seq")
  @SequenceGenerator(
      name = "dossier_avis_seq",
      sequenceName = "dossier_avis_seq",
      allocationSize = 50)
  private Long id;

  // The owning side of Dossier's list: the aggregate adds and removes, JPA writes the key.
  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
  private Dossier dossier;

  @Column(name = "avis_round", nullable = false)
  private int round;

  @Column(name = "body_id", nullable = false, length = 100)
  private String bodyId;

  @Column(name = "binding", nullable = false)
  private boolean binding;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "reminded_at")
  private OffsetDateTime remindedAt;

  @Column(name = "verdict", length = 40)
  private String verdict;

  @Column(name = "motivation", length = 8000)
  private String motivation;

  @Column(name = "given_by", length = 100)
  private String givenBy;

  @Column(name = "given_at")
  private OffsetDateTime givenAt;

  protected Avis() {
    // for JPA
  }

  static Avis request(
      Dossier dossier, int round, String bodyId, boolean binding, LocalDate due, Instant now) {
    Avis a = new Avis();
    a.dossier = dossier;
    a.round = round;
    a.bodyId = bodyId;
    a.binding = binding;
    a.dueDate = due;
    a.requestedAt = now.atOffset(ZoneOffset.UTC);
    return a;
  }

  /** Whether the body has not given it yet. */
  public boolean awaited() {
    return verdict == null;
  }

  /** Records the body's avis; an unfavorable one, or one with reservations, must say why. */
  void give(Verdict verdict, String motivation, String by, Instant now) {
    if (this.verdict != null) {
      throw new RuleViolation("the avis of " + bodyId + " was already given");
    }
    boolean needsWhy =
        verdict == Verdict.UNFAVORABLE || verdict == Verdict.FAVORABLE_WITH_RESERVATIONS;
    if (needsWhy && (motivation == null || motivation.isBlank())) {
      throw new RuleViolation("an avis " + verdict + " must be motivated");
    }
    this.verdict = verdict.name();
    this.motivation = motivation == null ? null : motivation.strip();
    this.givenBy = by;
    this.givenAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The dossier's due date was counted again: an avis still awaited follows it. */
  void followDue(LocalDate formerDue, LocalDate due) {
    if (verdict == null && dueDate.equals(formerDue)) {
      this.dueDate = due;
    }
  }

  void reminded(Instant now) {
    this.remindedAt = now.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public DossierId dossierId() {
    return dossier.id();
  }

  public int round() {
    return round;
  }

  public String bodyId() {
    return bodyId;
  }

  public boolean binding() {
    return binding;
  }

  public Instant requestedAt() {
    return requestedAt.toInstant();
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public Optional<Instant> remindedAt() {
    return Optional.ofNullable(remindedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Verdict> verdict() {
    return Optional.ofNullable(verdict).map(Verdict::valueOf);
  }

  public Optional<String> motivation() {
    return Optional.ofNullable(motivation);
  }

  public Optional<String> givenBy() {
    return Optional.ofNullable(givenBy);
  }

  public Optional<Instant> givenAt() {
    return Optional.ofNullable(givenAt).map(OffsetDateTime::toInstant);
  }
}
