package ma.rokhsa.domain.model.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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

  @Column(name = "dossier_id", nullable = false, length = 36)
  private String dossierId;

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

  static ComplementRequest of(DossierId dossier, String itemsJson, String by, Instant now) {
    ComplementRequest c = new ComplementRequest();
    c.dossierId = dossier.value();
    c.items = itemsJson;
    c.requestedBy = by;
    c.requestedAt = now.atOffset(ZoneOffset.UTC);
    return c;
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
    return DossierId.of(dossierId);
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
