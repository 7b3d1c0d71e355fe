package ma.rokhsa.domain.model.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import ma.rokhsa.domain.model.tenant.TenantOwned;

/** A person who signs authorizations for a tenant (the president of the commune, a delegate…). */
@Entity
@Table(name = "signatory")
public class Signatory extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signatory_seq")
  @SequenceGenerator(name = "signatory_seq", sequenceName = "signatory_seq", allocationSize = 50)
  private Long id;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(name = "title", nullable = false, length = 200)
  private String title;

  @Column(name = "username", length = 100)
  private String username;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Signatory() {
    // for JPA
  }

  /**
   * A new signatory.
   *
   * @param username the account they sign in with, if they have one yet
   */
  public static Signatory name(
      String fullName, String title, Optional<String> username, Instant now) {
    if (fullName == null || fullName.isBlank() || title == null || title.isBlank()) {
      throw new IllegalArgumentException("a signatory needs a full name and a title");
    }
    Signatory signatory = new Signatory();
    signatory.fullName = fullName.strip();
    signatory.title = title.strip();
    signatory.username = username.orElse(null);
    signatory.createdAt = now.atOffset(ZoneOffset.UTC);
    return signatory;
  }

  public Long id() {
    return id;
  }

  public String fullName() {
    return fullName;
  }

  public String title() {
    return title;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
