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

  /** The national identity card number, as certificates name it ({@code BK123456}). */
  @Column(name = "cin", length = 20)
  private String cin;

  /** Signs only under a {@link Mandate} in force, never in their own name. */
  @Column(name = "interim", nullable = false)
  private boolean interim;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  private static final java.util.regex.Pattern CIN =
      java.util.regex.Pattern.compile("[A-Z]{1,2}[0-9]{1,8}");

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
    return name(fullName, title, username, Optional.empty(), false, now);
  }

  /**
   * A new signatory.
   *
   * @param username the account they sign in with, if they have one yet
   * @param cin their national identity card number (one or two capitals, then digits), which their
   *     certificates name; required before a key is issued to them
   * @param interim whether they sign only under a mandate in force (an interim signatory)
   */
  public static Signatory name(
      String fullName,
      String title,
      Optional<String> username,
      Optional<String> cin,
      boolean interim,
      Instant now) {
    if (fullName == null || fullName.isBlank() || title == null || title.isBlank()) {
      throw new IllegalArgumentException("a signatory needs a full name and a title");
    }
    Signatory signatory = new Signatory();
    signatory.fullName = fullName.strip();
    signatory.title = title.strip();
    signatory.username =
        username.map(u -> u.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
    signatory.cin = cin.map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
    if (signatory.cin != null && !CIN.matcher(signatory.cin).matches()) {
      throw new IllegalArgumentException(
          "not a CIN (one or two capitals, then up to 8 digits): " + signatory.cin);
    }
    signatory.interim = interim;
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

  public Optional<String> cin() {
    return Optional.ofNullable(cin);
  }

  /** Signs only under a mandate in force. */
  public boolean interim() {
    return interim;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
