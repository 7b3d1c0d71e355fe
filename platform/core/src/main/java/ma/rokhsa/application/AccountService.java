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
import java.util.logging.Logger;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.AccountRepository;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.identity.RoleGrant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/** Accounts: sign-in, who a caller is, and the management of accounts and their roles. */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
  static final int MIN_PASSWORD_LENGTH = 10;

  /** Failed sign-ins in a row that lock an account… */
  static final int FAILED_SIGN_IN_LIMIT = 5;

  /** …for this long. */
  static final Duration LOCK = Duration.ofMinutes(15);

  private AccountRepository accounts;
  private TenantRepository tenants;
  private Passwords passwords;
  private Clock clock;

  /** For CDI's proxy. */
  protected AccountService() {}

  @Inject
  AccountService(
      AccountRepository accounts, TenantRepository tenants, Passwords passwords, Clock clock) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * The caller with these credentials, if they are right and the account is enabled. Takes the same
   * time whether or not the account exists.
   */
  public Optional<Caller> authenticate(String username, char[] password) {
    Optional<Account> account;
    try {
      account = accounts.findByUsername(Account.normalize(username));
    } catch (IllegalArgumentException malformed) {
      account = Optional.empty();
    }
    try {
      if (account.isEmpty() || account.get().passwordHash().isEmpty()) {
        passwords.verifyNothing(password);
        return Optional.empty();
      }
      boolean right = passwords.verify(password, account.get().passwordHash().get());
      if (account.get().lockedAt(clock.instant())) {
        return Optional.empty();
      }
      if (!right) {
        accounts.recordFailedSignIn(
            account.get(), FAILED_SIGN_IN_LIMIT, clock.instant().plus(LOCK));
        return Optional.empty();
      }
      if (!account.get().enabled()) {
        return Optional.empty();
      }
      accounts.recordSuccessfulSignIn(account.get());
      return Optional.of(callerOf(account.get()));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The caller behind an already verified token, if the account exists and is enabled. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Caller> caller(String username) {
    try {
      return accounts
          .findByUsername(Account.normalize(username))
          .filter(Account::enabled)
          .map(this::callerOf);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /**
   * Creates an account with its roles (national administration).
   *
   * @throws RuleViolation if the username is taken, the password too short, or a grant invalid
   */
  public Account createAccount(
      String username,
      String displayName,
      char[] password,
      List<Caller.Grant> grants,
      String actor) {
    String normalized = normalize(username);
    if (accounts.findByUsername(normalized).isPresent()) {
      throw new RuleViolation("username '" + normalized + "' is taken");
    }
    Account account = Account.create(normalized, displayName, hash(password), clock.instant());
    accounts.store(account);
    for (Caller.Grant grant : grants) {
      grant(account, grant.role(), grant.tenant(), actor);
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
    Account account =
        accounts
            .findByUsername(normalize(username))
            .orElseThrow(() -> new NotFound("no account '" + username + "'"));
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
      members.computeIfAbsent(account, a -> new ArrayList<>()).add(grant.role());
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
    if (role.scope() != Role.Scope.TENANT) {
      throw new RuleViolation(
          role + " is not a role held in a tenant",
          Arrays.stream(Role.values())
              .filter(r -> r.scope() == Role.Scope.TENANT)
              .map(Enum::name)
              .toList());
    }
    String normalized = normalize(username);
    Account account =
        accounts
            .findByUsername(normalized)
            .orElseGet(
                () -> {
                  if (password == null || displayName == null || displayName.isBlank()) {
                    throw new RuleViolation(
                        "no account '" + normalized + "' yet: give its display name and password");
                  }
                  Account created =
                      Account.create(normalized, displayName, hash(password), clock.instant());
                  accounts.store(created);
                  return created;
                });
    boolean held =
        accounts.grantsOf(account).stream()
            .anyMatch(g -> g.role() == role && g.tenant().equals(Optional.of(tenant)));
    if (!held) {
      grant(account, role, Optional.of(tenant), actor);
    }
    return account;
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

  private void grant(Account account, Role role, Optional<TenantId> tenant, String actor) {
    if (tenant.isPresent() && tenants.find(tenant.get()).isEmpty()) {
      throw new RuleViolation("no tenant " + tenant.get());
    }
    try {
      accounts.store(RoleGrant.grant(account, role, tenant, actor, clock.instant()));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(e.getMessage());
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
            .map(g -> new Caller.Grant(g.role(), g.tenant()))
            .toList());
  }
}
