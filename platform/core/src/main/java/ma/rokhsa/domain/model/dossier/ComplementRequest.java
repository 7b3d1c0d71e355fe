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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.tenant.TenantOwned;

/**
 * What the guichet asked the applicant to complete (each missing or invalid item, as JSON), and the
 * applicant's answer.
 */
@Entity
@Table(name = "dossier_complement")
public class ComplementRequest extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_complement_seq")
  @SequenceGenerator(
      name = "dossier_complement_seq",
      sequenceName = "dossier_complement_seq",
      allocationSize = 50)
  private Long id;

  // The owning side of Dossier's list: the aggregate adds and removes, JPA writes the key.
  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "dossier_id", nullable = false, updatable = false)
  private Dossier dossier;

  @Column(name = "items", nullable = false, length = 20000)
  private String items;

  @Column(name = "requested_by", nullable = false, length = 100)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "answer", length = 8000)
  private String answer;

  @Column(name = "answered_at")
  private OffsetDateTime answeredAt;

  protected ComplementRequest() {
    // for JPA
  }

  static ComplementRequest of(Dossier dossier, String itemsJson, String by, Instant now) {
    ComplementRequest c = new ComplementRequest();
    c.dossier = dossier;
    c.items = itemsJson;
    c.requestedBy = by;
    c.requestedAt = now.atOffset(ZoneOffset.UTC);
    return c;
  }

  /** Whether the applicant has not answered it yet. */
  public boolean open() {
    return answeredAt == null;
  }

  void answer(String text, Instant now) {
    if (answeredAt != null) {
      throw new RuleViolation("this complement request was already answered");
    }
    this.answer = text == null ? "" : text.strip();
    this.answeredAt = now.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public DossierId dossierId() {
    return dossier.id();
  }

  /** The items asked for, as a JSON array of {item, reason}. */
  public String items() {
    return items;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt.toInstant();
  }

  public Optional<String> answerText() {
    return Optional.ofNullable(answer);
  }

  public Optional<Instant> answeredAt() {
    return Optional.ofNullable(answeredAt).map(OffsetDateTime::toInstant);
  }
}
