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

  /**
   * Names nobody may take: the platform's own actors in the audit trail and timelines ({@code
   * system}, {@code public}, {@code installation}, {@code demo}, {@code national}) and names that
   * pass for the platform's staff.
   */
  public static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "system",
          "public",
          "installation",
          "demo",
          "national",
          "anonymous",
          "root",
          "administrator",
          "administrateur",
          "rokhsa",
          "support",
          "security",
          "platform");

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

  @Column(name = "password_change_required", nullable = false)
  private boolean passwordChangeRequired;

  @Column(name = "email", length = 254)
  private String email;

  /** The RFC 6238 secret, sealed (never returned once confirmed); null without a second factor. */
  @Column(name = "totp_secret", length = 300)
  private String totpSecret;

  @Column(name = "totp_confirmed_at")
  private OffsetDateTime totpConfirmedAt;

  /** The last time step a code was accepted for: a code is never accepted twice. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

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
    if (RESERVED.contains(account.username)) {
      throw new IllegalArgumentException("username '" + account.username + "' is reserved");
    }
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

  /** The account holder's own new password: clears a forced change. */
  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash, "password hash");
    this.passwordChangeRequired = false;
  }

  /**
   * A password set by an administrator: its holder must change it before anything else (sign-in is
   * refused with {@code password-change-required} until then).
   */
  public void resetPasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash, "password hash");
    this.passwordChangeRequired = true;
    this.failedSignIns = 0;
    this.lockedUntil = null;
  }

  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
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

  /**
   * Starts (or starts again) the enrollment of a second factor with a new sealed secret; it counts
   * once {@link #confirmSecondFactor confirmed} by a first code.
   *
   * @throws IllegalStateException if a second factor is already confirmed (remove it first)
   */
  public void startSecondFactorEnrollment(String sealedSecret) {
    if (secondFactorEnrolled()) {
      throw new IllegalStateException(
          "a second factor is already enrolled for '" + username + "': remove it first");
    }
    this.totpSecret = Objects.requireNonNull(sealedSecret, "secret");
    this.totpLastStep = null;
  }

  /**
   * The first code was right: sign-in requires codes from now on.
   *
   * @param step the time step of that first code, which is not accepted again
   */
  public void confirmSecondFactor(Instant now, long step) {
    if (totpSecret == null) {
      throw new IllegalStateException("no second factor enrollment was started");
    }
    this.totpConfirmedAt = now.atOffset(ZoneOffset.UTC);
    this.totpLastStep = step;
  }

  /** Removes the second factor, enrolled or pending. */
  public void removeSecondFactor() {
    this.totpSecret = null;
    this.totpConfirmedAt = null;
    this.totpLastStep = null;
  }

  /** Whether sign-in requires a code. */
  public boolean secondFactorEnrolled() {
    return totpConfirmedAt != null && totpSecret != null;
  }

  /** The sealed secret, enrolled or pending (for the service that opens it; never shown). */
  public Optional<String> sealedSecondFactorSecret() {
    return Optional.ofNullable(totpSecret);
  }

  /** The last time step a code was accepted for. */
  public Optional<Long> lastSecondFactorStep() {
    return Optional.ofNullable(totpLastStep);
  }

  /** Signs nobody in any more; tokens already issued stop working at their next request. */
  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
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
