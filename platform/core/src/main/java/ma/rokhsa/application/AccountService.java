package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.AccountRepository;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.identity.RoleGrant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * Accounts: sign-in, who a caller is, and the management of accounts and their roles. Every grant,
 * revocation, account creation, reset and disabling is recorded in the audit chain (the tenant's
 * for a grant held there, the national chain otherwise); refused grants too (ADR 0023).
 *
 * <p>Separation of duties is enforced here, in one place: nobody grants themselves a role; the
 * national admin holds no role that instructs dossiers (guichet, commission, signatory), and an
 * account that does cannot be made national admin; a commission member's grant names the consulted
 * body it speaks for.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
  static final int MIN_PASSWORD_LENGTH = 10;

  /** Failed sign-ins in a row, from any addresses, that lock an account… */
  static final int FAILED_SIGN_IN_LIMIT = 50;

  /** …for this long. */
  static final Duration LOCK = Duration.ofMinutes(15);

  private AccountRepository accounts;
  private TenantRepository tenants;
  private Passwords passwords;
  private Clock clock;
  private SecurityAudit audit;
  private SignInThrottle throttle;
  private SignInLedger ledger;
  private OneTimeCodes codes;
  private SecondFactorPolicy secondFactor;

  /** For CDI's proxy. */
  protected AccountService() {}

  @Inject
  AccountService(
      AccountRepository accounts,
      TenantRepository tenants,
      Passwords passwords,
      Clock clock,
      SecurityAudit audit,
      SignInThrottle throttle,
      SignInLedger ledger,
      OneTimeCodes codes,
      SecondFactorPolicy secondFactor) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.passwords = passwords;
    this.clock = clock;
    this.audit = audit;
    this.throttle = throttle;
    this.ledger = ledger;
    this.codes = codes;
    this.secondFactor = secondFactor;
  }

  /** As {@link #authenticate(String, char[], String)} from an unknown address. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> authenticate(String username, char[] password) {
    return authenticate(username, password, Optional.empty(), "");
  }

  /** As {@link #authenticate(String, char[], Optional, String)} without a second-factor code. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> authenticate(String username, char[] password, String address) {
    return authenticate(username, password, Optional.empty(), address);
  }

  /**
   * The caller with these credentials, if they are right and the account is enabled. Takes the same
   * time whether or not the account exists. Runs outside any transaction: the password is checked
   * first, then each write is a short transaction of its own. An account with a second factor needs
   * the code of its authenticator app too: a wrong or already used code is a failure like a wrong
   * password (throttled, counted towards the lock).
   *
   * @param code the second factor's code, for an account that enrolled one
   * @param address the client's address, as the trusted proxies give it
   * @throws TooManyRequests if this address, this username from it, or the server as a whole has
   *     failed too often lately, or every hashing slot is busy
   * @throws SecondFactorRequired if the password is right and the account has a second factor but
   *     no code was given
   * @throws PasswordChangeRequired if the credentials are right but an admin reset the password
   * @throws SecondFactorEnrollmentRequired if the credentials are right but the account must enroll
   *     a second factor first (the national admin outside demo mode)
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> authenticate(
      String username, char[] password, Optional<String> code, String address) {
    try {
      Optional<Account> proven = proven(username, password, address);
      if (proven.isEmpty()) {
        return Optional.empty();
      }
      Account account = proven.get();
      if (account.secondFactorEnrolled()) {
        if (code.isEmpty() || code.get().isBlank()) {
          throw new SecondFactorRequired(
              "This account signs in with a second factor: give the code of its authenticator"
                  + " app as 'code'.");
        }
        if (!acceptCode(account, code.get(), address)) {
          return Optional.empty();
        }
      }
      throttle.succeeded(username, address);
      ledger.succeeded(account);
      if (account.passwordChangeRequired()) {
        throw new PasswordChangeRequired(
            "The password was reset by an administrator: choose a new one"
                + " (POST /api/auth/password) before signing in.");
      }
      if (!account.secondFactorEnrolled()
          && secondFactor.requires(account.username(), rolesOf(account))) {
        throw new SecondFactorEnrollmentRequired(
            "The national admin signs in with a second factor outside demo mode and '"
                + account.username()
                + "' has none yet: enroll one with an authenticator app (POST"
                + " /api/auth/second-factor/enrollment with the username and password, then POST"
                + " /api/auth/second-factor/confirmation with a first code), then sign in with"
                + " its code.");
      }
      return Optional.of(callerOf(account));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * The account whose password this is, if it exists, is enabled and not locked; a failure
   * otherwise, throttled and counted (nothing is recorded on success: the caller decides when the
   * sign-in succeeded). Takes the same time whether or not the account exists.
   */
  private Optional<Account> proven(String username, char[] password, String address) {
    throttle.admit(username, address);
    Optional<Account> account = existing(username);
    if (account.isEmpty() || account.get().passwordHash().isEmpty()) {
      passwords.verifyNothing(password);
      throttle.failed(username, address);
      return Optional.empty();
    }
    boolean right = passwords.verify(password, account.get().passwordHash().get());
    if (account.get().lockedAt(clock.instant())) {
      throttle.failed(username, address);
      return Optional.empty();
    }
    if (!right) {
      throttle.failed(username, address);
      ledger.failed(account.get(), FAILED_SIGN_IN_LIMIT, clock.instant().plus(LOCK), address);
      return Optional.empty();
    }
    if (!account.get().enabled()) {
      throttle.failed(username, address);
      return Optional.empty();
    }
    return account;
  }

  /**
   * Whether the code is the second factor's at this time and its time step was not used yet (then
   * it never is again); a failure otherwise, throttled and counted like a wrong password.
   */
  private boolean acceptCode(Account account, String code, String address) {
    String secret =
        codes.open(account.username(), account.sealedSecondFactorSecret().orElseThrow());
    OptionalLong step = codes.stepOf(secret, code, clock.instant());
    if (step.isPresent() && ledger.acceptedStep(account, step.getAsLong())) {
      return true;
    }
    throttle.failed(account.username(), address);
    ledger.failed(account, FAILED_SIGN_IN_LIMIT, clock.instant().plus(LOCK), address);
    return false;
  }

  /**
   * The holder changes their own password, proving the current one (throttled like a sign-in); this
   * is also how a password reset by an admin is replaced.
   *
   * @return whether the username and current password were right
   */
  public boolean changePassword(
      String username, char[] current, char[] replacement, String address) {
    return changePassword(username, current, replacement, Optional.empty(), address);
  }

  /**
   * As {@link #changePassword(String, char[], char[], String)}, with the second factor's code for
   * an account that has one.
   */
  public boolean changePassword(
      String username, char[] current, char[] replacement, Optional<String> code, String address) {
    try {
      Optional<Caller> holder;
      try {
        holder = authenticate(username, Arrays.copyOf(current, current.length), code, address);
      } catch (PasswordChangeRequired | SecondFactorEnrollmentRequired expected) {
        holder = Optional.of(new Caller(Account.normalize(username), List.of()));
      }
      if (holder.isEmpty()) {
        return false;
      }
      if (Arrays.equals(current, replacement)) {
        throw new RuleViolation("the new password must differ from the current one");
      }
      Account account = existing(username).orElseThrow();
      account.changePasswordHash(hash(replacement));
      accounts.store(account);
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              account.username(), "password.changed", "account", account.username(), "", address));
      return true;
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(replacement, '\0');
    }
  }

  /**
   * A second factor being enrolled: the secret to give to an authenticator app, shown this once.
   *
   * @param secret the Base32 secret, to type in
   * @param uri the {@code otpauth://} URI holding it, to scan as a QR code
   */
  public record SecondFactorEnrollment(String secret, java.net.URI uri) {}

  /** Whether an account with these roles may enroll a second factor: admins and signatories. */
  private static boolean mayEnroll(List<Role> roles) {
    return roles.stream()
        .anyMatch(r -> r == Role.NATIONAL_ADMIN || r == Role.TENANT_ADMIN || r == Role.SIGNATORY);
  }

  /**
   * Starts the enrollment of a second factor by its holder, who proves the password (throttled and
   * counted like a sign-in; no token is needed, so that a national admin required to enroll can): a
   * new secret, returned this once, stored sealed; it counts once confirmed by a first code. An
   * enrollment started again replaces the pending secret. Recorded in the national chain.
   *
   * @return empty if the username and password are not right
   * @throws AccessDenied if the account is neither an admin nor a signatory
   * @throws RuleViolation if a second factor is already enrolled
   */
  public Optional<SecondFactorEnrollment> startSecondFactorEnrollment(
      String username, char[] password, String address) {
    try {
      Optional<Account> proven = proven(username, password, address);
      if (proven.isEmpty()) {
        return Optional.empty();
      }
      Account account = proven.get();
      if (!mayEnroll(rolesOf(account))) {
        throw new AccessDenied("a second factor is enrolled by admins and signatories");
      }
      if (account.secondFactorEnrolled()) {
        throw new RuleViolation(
            "'"
                + account.username()
                + "' already has a second factor: remove it (POST /api/auth/second-factor/removal"
                + " with a code) or ask an admin to reset it, then enroll again");
      }
      String secret = codes.newSecret();
      account.startSecondFactorEnrollment(codes.seal(account.username(), secret));
      accounts.store(account);
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              account.username(),
              "second-factor.enrollment-started",
              "account",
              account.username(),
              "",
              address));
      return Optional.of(
          new SecondFactorEnrollment(
              secret, codes.enrollmentUri(secret, secondFactor.issuer(), account.username())));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * Confirms an enrollment with the first code of the authenticator app: sign-in requires codes
   * from now on. A wrong code is counted like a wrong password.
   *
   * @return empty if the username and password are not right; whether the code was right
   * @throws RuleViolation if no enrollment was started, or it is already confirmed
   */
  public Optional<Boolean> confirmSecondFactor(
      String username, char[] password, String code, String address) {
    try {
      Optional<Account> proven = proven(username, password, address);
      if (proven.isEmpty()) {
        return Optional.empty();
      }
      Account account = proven.get();
      if (account.secondFactorEnrolled()) {
        throw new RuleViolation("'" + account.username() + "' already has a second factor");
      }
      Optional<String> sealed = account.sealedSecondFactorSecret();
      if (sealed.isEmpty()) {
        throw new RuleViolation(
            "no enrollment started: POST /api/auth/second-factor/enrollment first");
      }
      OptionalLong step =
          codes.stepOf(codes.open(account.username(), sealed.get()), code, clock.instant());
      if (step.isEmpty()) {
        throttle.failed(account.username(), address);
        ledger.failed(account, FAILED_SIGN_IN_LIMIT, clock.instant().plus(LOCK), address);
        return Optional.of(false);
      }
      account.confirmSecondFactor(clock.instant(), step.getAsLong());
      accounts.store(account);
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              account.username(),
              "second-factor.enrolled",
              "account",
              account.username(),
              "RFC 6238",
              address));
      return Optional.of(true);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * The holder removes their own second factor, proving the password and a current code. The
   * national admin cannot while it is required (outside demo mode): an admin's reset and a new
   * enrollment replace it.
   *
   * @return empty if the username and password are not right; whether the code was right
   * @throws RuleViolation if there is none, or it is required
   */
  public Optional<Boolean> removeOwnSecondFactor(
      String username, char[] password, String code, String address) {
    try {
      Optional<Account> proven = proven(username, password, address);
      if (proven.isEmpty()) {
        return Optional.empty();
      }
      Account account = proven.get();
      if (!account.secondFactorEnrolled()) {
        throw new RuleViolation("'" + account.username() + "' has no second factor");
      }
      if (secondFactor.requires(account.username(), rolesOf(account))) {
        throw new RuleViolation(
            "the national admin keeps a second factor outside demo mode: to replace it, ask"
                + " another national admin to reset it, then enroll again");
      }
      if (!acceptCode(account, code, address)) {
        return Optional.of(false);
      }
      account.removeSecondFactor();
      accounts.store(account);
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              account.username(),
              "second-factor.removed",
              "account",
              account.username(),
              "by its holder",
              address));
      return Optional.of(true);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * The national administration removes an account's second factor (a lost phone): its holder signs
   * in with the password alone, or enrolls again when one is required. Nobody resets their own.
   * Recorded in the national chain.
   */
  public void resetSecondFactor(String username, String actor, String address) {
    Account account = required(username);
    if (account.username().equals(actor)) {
      throw new RuleViolation("nobody resets their own second factor: ask another admin");
    }
    account.removeSecondFactor();
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(
            actor,
            "second-factor.reset",
            "account",
            account.username(),
            "by the national administration",
            address));
  }

  /**
   * A tenant's administration removes the second factor of one of its members (a signatory's lost
   * phone). A tenant admin's is reset by the national administration only (no tenant admin weakens
   * another's sign-in; the attempt is recorded). Recorded in the tenant's chain.
   *
   * @throws NotFound if the account holds no role in the tenant
   * @throws AccessDenied if the account is a tenant admin's and the caller not national admin
   */
  public Account resetSecondFactorInTenant(
      TenantAccess access, String username, String actor, String address) {
    access.require(Role.TENANT_ADMIN);
    TenantId tenant = access.tenant();
    Account account = memberOf(tenant, username);
    if (account.username().equals(actor)) {
      throw new RuleViolation("nobody resets their own second factor: ask another admin");
    }
    if (!access.roles().contains(Role.NATIONAL_ADMIN)
        && accounts.grantsOf(account).stream()
            .anyMatch(g -> g.role() == Role.TENANT_ADMIN || g.role() == Role.NATIONAL_ADMIN)) {
      refuse(
          tenant,
          actor,
          "second-factor.reset-refused",
          account,
          "an admin's second factor is reset by the national administration only",
          address);
    }
    account.removeSecondFactor();
    audit.record(
        tenant,
        new AuditEvent(
            actor,
            "second-factor.reset",
            "account",
            account.username(),
            "by the administration of " + tenant,
            address));
    return account;
  }

  /** Whether the account has a second factor (confirmed). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean hasSecondFactor(String username) {
    return existing(username).map(Account::secondFactorEnrolled).orElse(false);
  }

  /** The caller behind an already verified token, if the account exists and is enabled. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Caller> caller(String username) {
    return existing(username).filter(Account::enabled).map(this::callerOf);
  }

  /** Whether an account has this username and is disabled (its tokens are refused with 403). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean disabled(String username) {
    return existing(username).map(a -> !a.enabled()).orElse(false);
  }

  /**
   * Creates an account with its roles (national administration).
   *
   * @throws RuleViolation if the username is taken or reserved, the password too short, or a grant
   *     invalid
   */
  public Account createAccount(
      String username,
      String displayName,
      char[] password,
      List<Caller.Grant> grants,
      String actor) {
    return createAccount(username, displayName, password, grants, actor, "");
  }

  /** As {@link #createAccount(String, String, char[], List, String)}, from an address. */
  public Account createAccount(
      String username,
      String displayName,
      char[] password,
      List<Caller.Grant> grants,
      String actor,
      String address) {
    String normalized = normalize(username);
    if (accounts.findByUsername(normalized).isPresent()) {
      throw new RuleViolation("username '" + normalized + "' is taken");
    }
    refuseIfForbidden(normalized, List.of(), grants, actor, address);
    Account account = create(normalized, displayName, password);
    accounts.store(account);
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(
            actor,
            "account.created",
            "account",
            normalized,
            "grants: " + grants.stream().map(Caller.Grant::label).toList(),
            address));
    for (Caller.Grant grant : grants) {
      grant(account, grant, actor, address);
    }
    LOG.info(() -> actor + " created account " + normalized + " with " + grants);
    return account;
  }

  /**
   * Sets (or clears) where an account's notifications go.
   *
   * @throws InvalidInput if it is not an e-mail address
   */
  public void changeEmail(String username, Optional<String> email) {
    Account account = required(username);
    try {
      account.changeEmail(email);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("email: " + e.getMessage());
    }
  }

  /** The accounts holding roles in one tenant, with those roles. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Account, List<Role>> members(TenantId tenant) {
    Map<Account, List<Role>> members = new LinkedHashMap<>();
    Map<Long, Account> byId = new LinkedHashMap<>();
    for (RoleGrant grant : accounts.grantsIn(tenant)) {
      Account account =
          byId.computeIfAbsent(grant.accountId(), id -> accounts.find(id).orElseThrow());
      List<Role> roles = members.computeIfAbsent(account, a -> new ArrayList<>());
      if (!roles.contains(grant.role())) {
        // A commission member holds one grant per body it speaks for: its role is listed once.
        roles.add(grant.role());
      }
    }
    return members;
  }

  /**
   * Gives an account a role in a tenant (tenant administration), creating the account if it does
   * not exist yet (then the display name and password are required).
   */
  public Account addMember(
      TenantId tenant,
      String username,
      String displayName,
      char[] password,
      Role role,
      String actor) {
    return addMember(tenant, username, displayName, password, role, Optional.empty(), actor, "");
  }

  /**
   * Gives an account a role in a tenant (tenant administration), for a consulted body when the role
   * is a commission member's, creating the account if it does not exist yet (then the display name
   * and password are required).
   */
  public Account addMember(
      TenantId tenant,
      String username,
      String displayName,
      char[] password,
      Role role,
      Optional<String> body,
      String actor,
      String address) {
    if (role.scope() != Role.Scope.TENANT) {
      throw new RuleViolation(
          role + " is not a role held in a tenant",
          Arrays.stream(Role.values())
              .filter(r -> r.scope() == Role.Scope.TENANT)
              .map(Enum::name)
              .toList());
    }
    String normalized = normalize(username);
    Optional<Account> found = accounts.findByUsername(normalized);
    Caller.Grant grant = new Caller.Grant(role, Optional.of(tenant), body);
    refuseIfForbidden(
        normalized, found.map(this::rolesOf).orElse(List.of()), List.of(grant), actor, address);
    Account account;
    if (found.isPresent()) {
      account = found.get();
    } else {
      if (password == null || displayName == null || displayName.isBlank()) {
        throw new RuleViolation(
            "no account '" + normalized + "' yet: give its display name and password");
      }
      account = create(normalized, displayName, password);
      accounts.store(account);
      audit.record(
          TenantId.NATIONAL,
          new AuditEvent(
              actor,
              "account.created",
              "account",
              normalized,
              "as a member of " + tenant,
              address));
    }
    grant(account, grant, actor, address);
    return account;
  }

  /** Grants a role to an existing account (national administration). */
  public Account grantRole(String username, Caller.Grant grant, String actor, String address) {
    Account account = required(username);
    refuseIfForbidden(account.username(), rolesOf(account), List.of(grant), actor, address);
    grant(account, grant, actor, address);
    return account;
  }

  /**
   * Takes a role back: every grant of that role at that place (and for that body, if named).
   *
   * @throws NotFound if the account holds no such grant
   */
  public void revokeRole(
      String username,
      Role role,
      Optional<TenantId> tenant,
      Optional<String> body,
      String actor,
      String address) {
    Account account = required(username);
    if (account.username().equals(actor) && role == Role.NATIONAL_ADMIN) {
      throw new RuleViolation("a national admin cannot revoke their own role: ask another");
    }
    List<RoleGrant> matching =
        accounts.grantsOf(account).stream()
            .filter(g -> g.role() == role && g.tenant().equals(tenant))
            .filter(g -> body.isEmpty() || g.body().equals(body))
            .toList();
    if (matching.isEmpty()) {
      throw new NotFound(
          "'" + account.username() + "' holds no " + new Caller.Grant(role, tenant, body).label());
    }
    for (RoleGrant grant : matching) {
      accounts.remove(grant);
      audit.record(
          chainOf(grant.tenant()),
          new AuditEvent(
              actor,
              "role.revoked",
              "account",
              account.username(),
              new Caller.Grant(grant.role(), grant.tenant(), grant.body()).label(),
              address));
    }
  }

  /**
   * A tenant's administration takes back a role held in that tenant: every grant of that role there
   * (and for that body, if named). Only grants in {@code access.tenant()} are reachable, and only
   * for an account that holds a grant there: any other account is not found, whether it exists or
   * not. A tenant admin's role is revoked by the national administration only — no tenant admin
   * ousts another (or leaves the tenant without one); the refused attempt is recorded.
   *
   * @param access the caller's access to the tenant, as the tenant boundary drew it
   * @throws NotFound if the account holds no role there, or no such grant
   * @throws AccessDenied if a tenant admin's role is revoked by someone who is not national admin
   */
  public Account revokeInTenant(
      TenantAccess access,
      String username,
      Role role,
      Optional<String> body,
      String actor,
      String address) {
    access.require(Role.TENANT_ADMIN);
    TenantId tenant = access.tenant();
    if (role.scope() != Role.Scope.TENANT) {
      throw new RuleViolation(
          role + " is not a role held in a tenant",
          Arrays.stream(Role.values())
              .filter(r -> r.scope() == Role.Scope.TENANT)
              .map(Enum::name)
              .toList());
    }
    Account account = memberOf(tenant, username);
    Caller.Grant revoked = new Caller.Grant(role, Optional.of(tenant), body);
    if (role == Role.TENANT_ADMIN && !access.roles().contains(Role.NATIONAL_ADMIN)) {
      refuse(
          tenant,
          actor,
          "role.revoke-refused",
          account,
          revoked.label()
              + ": a tenant admin's role is revoked by the national administration only",
          address);
    }
    revokeRole(account.username(), role, Optional.of(tenant), body, actor, address);
    return account;
  }

  /**
   * A tenant's administration disables (or enables again) the account of one of its members. The
   * account is disabled everywhere, so only an account whose every role is held in this tenant may
   * be: one that also works elsewhere, or as an applicant, keeps its account, and its roles here
   * are revoked instead. A tenant admin's account is disabled by the national administration only.
   * Recorded in the tenant's chain.
   *
   * @throws NotFound if the account holds no role in the tenant
   * @throws RuleViolation if the account holds roles elsewhere, or is the caller's own
   * @throws AccessDenied if the account is a tenant admin's and the caller not national admin
   */
  public Account suspendInTenant(
      TenantAccess access, String username, boolean disable, String actor, String address) {
    access.require(Role.TENANT_ADMIN);
    TenantId tenant = access.tenant();
    Account account = memberOf(tenant, username);
    if (account.username().equals(actor)) {
      throw new RuleViolation("nobody disables or enables their own account: ask another admin");
    }
    List<RoleGrant> grants = accounts.grantsOf(account);
    String action = disable ? "account.disabled" : "account.enabled";
    if (!access.roles().contains(Role.NATIONAL_ADMIN)
        && grants.stream().anyMatch(g -> g.role() == Role.TENANT_ADMIN)) {
      refuse(
          tenant,
          actor,
          action + "-refused",
          account,
          "a tenant admin's account is disabled or enabled by the national administration only",
          address);
    }
    if (grants.stream().anyMatch(g -> !g.tenant().equals(Optional.of(tenant)))) {
      throw new RuleViolation(
          "'"
              + account.username()
              + "' holds roles outside this tenant: revoke its roles here instead (only the"
              + " national administration disables or enables it)");
    }
    if (disable) {
      account.disable();
    } else {
      account.enable();
    }
    audit.record(
        tenant,
        new AuditEvent(
            actor,
            action,
            "account",
            account.username(),
            "by the administration of " + tenant,
            address));
    return account;
  }

  /** The roles an account holds in one tenant (a commission member's once). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Role> rolesIn(TenantId tenant, Account account) {
    return accounts.grantsOf(account).stream()
        .filter(g -> g.tenant().equals(Optional.of(tenant)))
        .map(RoleGrant::role)
        .distinct()
        .toList();
  }

  /** An account holding a role in the tenant; any other is not found there, existing or not. */
  private Account memberOf(TenantId tenant, String username) {
    return existing(username)
        .filter(a -> !rolesIn(tenant, a).isEmpty())
        .orElseThrow(() -> new NotFound("no member '" + username + "' in tenant " + tenant));
  }

  /** Records a refused administrative action in its own transaction, then refuses it (403). */
  private void refuse(
      TenantId chain,
      String actor,
      String action,
      Account account,
      String refusal,
      String address) {
    audit.recordRefusal(
        chain, new AuditEvent(actor, action, "account", account.username(), refusal, address));
    throw new AccessDenied(refusal);
  }

  /** Every grant the account holds. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RoleGrant> grants(String username) {
    return accounts.grantsOf(required(username));
  }

  /** The account, if it exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Account> account(String username) {
    return existing(username);
  }

  /** Signs an account out for good (its tokens are refused at their next request). */
  public void disable(String username, String actor, String address) {
    Account account = required(username);
    if (account.username().equals(actor)) {
      throw new RuleViolation("nobody disables their own account: ask another admin");
    }
    account.disable();
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(actor, "account.disabled", "account", account.username(), "", address));
  }

  public void enable(String username, String actor, String address) {
    Account account = required(username);
    account.enable();
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(actor, "account.enabled", "account", account.username(), "", address));
  }

  /**
   * An admin sets a new password; its holder must change it at the next sign-in. Clears the lock.
   */
  public void resetPassword(String username, char[] password, String actor, String address) {
    Account account = required(username);
    account.resetPasswordHash(hash(password));
    audit.record(
        TenantId.NATIONAL,
        new AuditEvent(
            actor,
            "password.reset",
            "account",
            account.username(),
            "a change is required at the next sign-in",
            address));
  }

  /**
   * Creates the national admin account if no account holds that role yet: how a new installation
   * gets its first administrator. Returns whether it was created.
   */
  public boolean ensureNationalAdmin(String username, char[] password) {
    if (accounts.anyHolds(Role.NATIONAL_ADMIN)) {
      return false;
    }
    createAccount(
        username,
        "Administrateur national",
        password,
        List.of(new Caller.Grant(Role.NATIONAL_ADMIN, Optional.empty())),
        "installation");
    return true;
  }

  /** Creates the account unless it exists (demo data). Returns whether it was created. */
  public boolean ensureAccount(
      String username, String displayName, char[] password, List<Caller.Grant> grants) {
    if (accounts.findByUsername(normalize(username)).isPresent()) {
      return false;
    }
    createAccount(username, displayName, password, grants, "demo");
    return true;
  }

  /**
   * The enabled accounts among {@code usernames} whose password is {@code password}: how the
   * production start-up guard finds demo accounts left with the demo password.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> withPassword(List<String> usernames, String password) {
    List<String> found = new ArrayList<>();
    for (String username : usernames) {
      existing(username)
          .filter(Account::enabled)
          .filter(a -> a.passwordHash().isPresent())
          .filter(a -> passwords.verify(password.toCharArray(), a.passwordHash().get()))
          .ifPresent(a -> found.add(a.username()));
    }
    return found;
  }

  /** The accounts that hold the national admin's role. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Account> nationalAdmins() {
    return accounts.holding(Role.NATIONAL_ADMIN);
  }

  /**
   * Refuses a grant that separation of duties forbids, recording the attempt in a transaction of
   * its own. Called before anything of the change is written, so that the refusal's own transaction
   * never waits for a chain head this one already holds.
   */
  private void refuseIfForbidden(
      String username, List<Role> held, Caller.Grant grant, String actor, String address) {
    Role role = grant.role();
    String refusal = null;
    boolean forbidden = false;
    if (username.equals(actor)) {
      refusal = "nobody grants themselves a role: another administrator must";
      forbidden = true;
    } else if (role.instructs() && held.contains(Role.NATIONAL_ADMIN)) {
      refusal =
          "the national admin administers: it holds no guichet, commission or signatory role;"
              + " grant it to an agent's own account";
    } else if (role == Role.NATIONAL_ADMIN && held.stream().anyMatch(Role::instructs)) {
      refusal = "an account that instructs dossiers cannot be the national admin";
    }
    if (refusal == null) {
      return;
    }
    audit.recordRefusal(
        chainOf(grant.tenant()),
        new AuditEvent(
            actor,
            "role.grant-refused",
            "account",
            username,
            grant.label() + ": " + refusal,
            address));
    if (forbidden) {
      throw new AccessDenied(refusal);
    }
    throw new RuleViolation(refusal);
  }

  /** Checks every grant of a new or existing account, as if given in order, before any write. */
  private void refuseIfForbidden(
      String username, List<Role> held, List<Caller.Grant> grants, String actor, String address) {
    List<Role> roles = new ArrayList<>(held);
    for (Caller.Grant grant : grants) {
      if (grant.tenant().isPresent() && tenants.find(grant.tenant().get()).isEmpty()) {
        throw new RuleViolation("no tenant " + grant.tenant().get());
      }
      refuseIfForbidden(username, roles, grant, actor, address);
      roles.add(grant.role());
    }
  }

  private void grant(Account account, Caller.Grant grant, String actor, String address) {
    Role role = grant.role();
    Optional<TenantId> tenant = grant.tenant();
    List<RoleGrant> held = accounts.grantsOf(account);
    boolean already =
        held.stream()
            .anyMatch(
                g ->
                    g.role() == role && g.tenant().equals(tenant) && g.body().equals(grant.body()));
    if (already) {
      return;
    }
    try {
      accounts.store(RoleGrant.grant(account, role, tenant, grant.body(), actor, clock.instant()));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
    audit.record(
        chainOf(tenant),
        new AuditEvent(
            actor, "role.granted", "account", account.username(), grant.label(), address));
  }

  private List<Role> rolesOf(Account account) {
    return accounts.grantsOf(account).stream().map(RoleGrant::role).toList();
  }

  private static TenantId chainOf(Optional<TenantId> tenant) {
    return tenant.orElse(TenantId.NATIONAL);
  }

  private Account create(String username, String displayName, char[] password) {
    String hash = hash(password);
    try {
      return Account.create(username, displayName, hash, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
  }

  private Account required(String username) {
    return existing(username).orElseThrow(() -> new NotFound("no account '" + username + "'"));
  }

  private Optional<Account> existing(String username) {
    try {
      return accounts.findByUsername(Account.normalize(username));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private String hash(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new RuleViolation("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    try {
      return passwords.hash(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static String normalize(String username) {
    try {
      return Account.normalize(username);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
    }
  }

  private Caller callerOf(Account account) {
    return new Caller(
        account.username(),
        accounts.grantsOf(account).stream()
            .map(g -> new Caller.Grant(g.role(), g.tenant(), g.body()))
            .toList());
  }
}
