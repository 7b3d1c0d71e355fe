package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import ma.rokhsa.interfaces.rest.security.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accounts, their roles and their lifecycle (national administration). Every change is recorded in
 * the audit chain — the tenant's for a grant held there, the national chain otherwise — and
 * separation of duties is enforced by {@link AccountService} (ADR 0023).
 */
@Path("admin/accounts")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

  @Inject AccountService accounts;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest http;
  @Context SecurityContext security;

  /** A role to grant (or revoke), and where. */
  public static class GrantRequest {
    @NotBlank @Size(max = 32) public String role;

    @Size(max = 64) public String tenant;

    /** The consulted body a commission member speaks for (required for COMMISSION_MEMBER). */
    @Size(max = 100) public String body;
  }

  /** An account to create. */
  public static class NewAccount {
    @NotBlank @Size(max = 100) public String username;

    @NotBlank @Size(max = 200) public String displayName;

    @NotNull @Size(max = 1024) public String password;

    /** Where the account's notifications go (commission reminders…); optional. */
    @Size(max = 254) public String email;

    @NotNull @Size(max = 100) public List<@NotNull @Valid GrantRequest> grants = new ArrayList<>();
  }

  /** A password set by an admin; its holder must change it at the next sign-in. */
  public static class PasswordReset {
    @NotNull @Size(max = 1024) public String password;
  }

  /**
   * An account created.
   *
   * @param username its username (lower-case)
   * @param displayName the name shown
   * @param grants the roles granted, as ROLE, ROLE@tenant or ROLE@tenant#body
   */
  public record AccountRepresentation(String username, String displayName, List<String> grants) {}

  /**
   * An account and everything it holds.
   *
   * @param username its username
   * @param displayName the name shown
   * @param enabled whether it may sign in
   * @param passwordChangeRequired whether its holder must change the password first
   * @param secondFactor whether it signs in with a second factor (RFC 6238 codes)
   * @param grants its roles, where, who granted each and when
   */
  public record AccountView(
      String username,
      String displayName,
      boolean enabled,
      boolean passwordChangeRequired,
      boolean secondFactor,
      List<GrantView> grants) {}

  /**
   * A role held.
   *
   * @param role the role
   * @param tenant where (none for national roles, applicants and architects)
   * @param body the consulted body, for a commission member
   * @param grantedBy who granted it
   * @param grantedAt when
   */
  public record GrantView(
      String role, String tenant, String body, String grantedBy, String grantedAt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an account with its roles",
      description =
          "Agent roles need a tenant; supervisors a province or region; the national admin,"
              + " applicants and architects none. A commission member names the consulted body it"
              + " speaks for. Reserved usernames (system, public…) cannot be taken; the national"
              + " admin holds no guichet, commission or signatory role; nobody grants themselves"
              + " a role.")
  public Response create(@Valid @NotNull NewAccount account) {
    List<Caller.Grant> grants = new ArrayList<>();
    for (GrantRequest grant : account.grants) {
      grants.add(grant(grant));
    }
    var created =
        accounts.createAccount(
            account.username,
            account.displayName,
            account.password.toCharArray(),
            grants,
            actor(),
            clientAddress.of(http));
    if (account.email != null && !account.email.isBlank()) {
      accounts.changeEmail(created.username(), Optional.of(account.email));
    }
    return Response.status(Response.Status.CREATED)
        .entity(
            new AccountRepresentation(
                created.username(),
                created.displayName(),
                grants.stream().map(Caller.Grant::label).toList()))
        .build();
  }

  @GET
  @Path("{username}")
  @Operation(summary = "An account, its state and the roles it holds")
  public AccountView account(@PathParam("username") String username) {
    return view(
        accounts
            .account(username)
            .orElseThrow(() -> new NotFound("no account '" + username + "'")));
  }

  @POST
  @Path("{username}/grants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant a role to an account")
  public AccountView grant(
      @PathParam("username") String username, @Valid @NotNull GrantRequest grant) {
    return view(accounts.grantRole(username, grant(grant), actor(), clientAddress.of(http)));
  }

  @POST
  @Path("{username}/revocations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a role",
      description =
          "Takes back every grant of the role at that place (and for that body, if named); takes"
              + " effect at the account's next request.")
  public AccountView revoke(
      @PathParam("username") String username, @Valid @NotNull GrantRequest grant) {
    Caller.Grant revoked = grant(grant);
    accounts.revokeRole(
        username,
        revoked.role(),
        revoked.tenant(),
        revoked.body(),
        actor(),
        clientAddress.of(http));
    return account(username);
  }

  @POST
  @Path("{username}/disable")
  @Operation(summary = "Disable an account: it signs in no more and its tokens answer 403")
  public AccountView disable(@PathParam("username") String username) {
    accounts.disable(username, actor(), clientAddress.of(http));
    return account(username);
  }

  @POST
  @Path("{username}/enable")
  @Operation(summary = "Enable a disabled account again")
  public AccountView enable(@PathParam("username") String username) {
    accounts.enable(username, actor(), clientAddress.of(http));
    return account(username);
  }

  @POST
  @Path("{username}/password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a new password; its holder must change it at the next sign-in",
      description = "Also clears a sign-in lock.")
  public AccountView resetPassword(
      @PathParam("username") String username, @Valid @NotNull PasswordReset reset) {
    accounts.resetPassword(username, reset.password.toCharArray(), actor(), clientAddress.of(http));
    return account(username);
  }

  @POST
  @Path("{username}/second-factor/reset")
  @Operation(
      summary = "Remove an account's second factor (a lost phone)",
      description =
          "Its holder then signs in with the password alone, or must enroll again where one is"
              + " required (the national admin outside demo mode). Nobody resets their own."
              + " Recorded in the national audit chain.")
  public AccountView resetSecondFactor(@PathParam("username") String username) {
    accounts.resetSecondFactor(username, actor(), clientAddress.of(http));
    return account(username);
  }

  private String actor() {
    return CallerPrincipal.of(security).username();
  }

  private static Caller.Grant grant(GrantRequest grant) {
    return new Caller.Grant(
        RequestValues.enumValue(Role.class, "role", grant.role),
        Optional.ofNullable(grant.tenant)
            .filter(t -> !t.isBlank())
            .map(t -> RequestValues.tenantId("grants.tenant", t)),
        Optional.ofNullable(grant.body).filter(b -> !b.isBlank()));
  }

  private AccountView view(Account account) {
    return new AccountView(
        account.username(),
        account.displayName(),
        account.enabled(),
        account.passwordChangeRequired(),
        account.secondFactorEnrolled(),
        accounts.grants(account.username()).stream()
            .map(
                g ->
                    new GrantView(
                        g.role().name(),
                        g.tenant().map(Object::toString).orElse(null),
                        g.body().orElse(null),
                        g.grantedBy(),
                        g.grantedAt().toString()))
            .toList());
  }
}
