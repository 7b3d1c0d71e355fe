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
import ma.rokhsa.domain.model.tenant.TenantOwned;

/** One line of a dossier's timeline: who did what, when, and the move it made. */
@Entity
@Table(name = "dossier_event")
public class DossierEvent extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_event_seq")
  @SequenceGenerator(
      name = "dossier_event_seq",
      sequenceName = "dossier_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "dossier_id", nullable = false, length = 36)
  private String dossierId;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime at;

  @Column(name = "actor", nullable = false, length = 100)
  private String actor;

  @Column(name = "role", nullable = false, length = 32)
  private String role;

  @Column(name = "action", nullable = false, length = 100)
  private String action;

  @Column(name = "from_state", length = 64)
  private String fromState;

  @Column(name = "to_state", length = 64)
  private String toState;

  @Column(name = "note", length = 8000)
  private String note;

  protected DossierEvent() {
    // for JPA
  }

  public static DossierEvent of(
      DossierId dossier,
      Instant at,
      String actor,
      String role,
      String action,
      Optional<String> from,
      Optional<String> to,
      Optional<String> note) {
    DossierEvent e = new DossierEvent();
    e.dossierId = dossier.value();
    e.at = at.atOffset(ZoneOffset.UTC);
    e.actor = actor;
    e.role = role;
    e.action = action;
    e.fromState = from.orElse(null);
    e.toState = to.orElse(null);
    e.note = note.map(n -> n.length() > 8000 ? n.substring(0, 8000) : n).orElse(null);
    return e;
  }

  public Long id() {
    return id;
  }

  public DossierId dossierId() {
    return DossierId.of(dossierId);
  }

  public Instant at() {
    return at.toInstant();
  }

  public String actor() {
    return actor;
  }

  public String role() {
    return role;
  }

  public String action() {
    return action;
  }

  public Optional<String> fromState() {
    return Optional.ofNullable(fromState);
  }

  public Optional<String> toState() {
    return Optional.ofNullable(toState);
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }
}
