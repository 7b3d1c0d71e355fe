package ma.rokhsa.domain.model.identity;

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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Someone who signs in: an applicant, an architect, an agent, a supervisor, an admin. Accounts are
 * national; what an account may do, and where, is in its {@link RoleGrant}s.
 */
@Entity
@Table(name = "account")
public class Account {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  private Long id;

  @Column(name = "username", nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "password_hash", length = 255)
  private String passwordHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private OffsetDateTime lockedUntil;

  @Column(name = "email", length = 254)
  private String email;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Account() {
    // for JPA
  }

  /**
   * A new, enabled account. The password hash is null for accounts that sign in only through an
   * external identity provider.
   */
  public static Account create(
      String username, String displayName, String passwordHash, Instant now) {
    Account account = new Account();
    account.username = normalize(username);
    account.displayName = requireText(displayName, "display name");
    account.passwordHash = passwordHash;
    account.enabled = true;
    account.createdAt = now.atOffset(ZoneOffset.UTC);
    return account;
  }

  /** Usernames compare without case: stored lower-case, checked for shape. */
  public static String normalize(String username) {
    String normalized = requireText(username, "username").toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(normalized).matches()) {
      throw new IllegalArgumentException(
          "username '"
              + username
              + "' must be 2 to 100 characters: letters, digits, '.', '_', '-', '@'");
    }
    return normalized;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.strip();
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash, "password hash");
  }

  /** Where notifications for this account go (commission reminders…); none clears it. */
  public void changeEmail(Optional<String> address) {
    String value = address.map(String::strip).filter(a -> !a.isEmpty()).orElse(null);
    if (value != null && (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+"))) {
      throw new IllegalArgumentException("not an e-mail address: " + value);
    }
    this.email = value;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public void disable() {
    enabled = false;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public boolean enabled() {
    return enabled;
  }

  /** Whether sign-in is refused at {@code now} after too many failed attempts. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
  }

  public int failedSignIns() {
    return failedSignIns;
  }
}
