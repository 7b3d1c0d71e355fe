package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin/accounts")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

  @Inject AccountService accounts;

  /** A role to grant, and where. */
  public static class GrantRequest {
    @NotBlank @Size(max = 32) public String role;

    @Size(max = 64) public String tenant;
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

  /**
   * An account created.
   *
   * @param username its username (lower-case)
   * @param displayName the name shown
   * @param grants the roles granted, as ROLE or ROLE@tenant
   */
  public record AccountRepresentation(String username, String displayName, List<String> grants) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an account with its roles",
      description =
          "Agent roles need a tenant; supervisors a province or region; the national admin,"
              + " applicants and architects none.")
  public Response create(@Valid @NotNull NewAccount account, @Context SecurityContext security) {
    List<Caller.Grant> grants = new ArrayList<>();
    for (GrantRequest grant : account.grants) {
      grants.add(
          new Caller.Grant(
              RequestValues.enumValue(Role.class, "role", grant.role),
              Optional.ofNullable(grant.tenant)
                  .filter(t -> !t.isBlank())
                  .map(t -> RequestValues.tenantId("grants.tenant", t))));
    }
    var created =
        accounts.createAccount(
            account.username,
            account.displayName,
            account.password.toCharArray(),
            grants,
            CallerPrincipal.of(security).username());
    if (account.email != null && !account.email.isBlank()) {
      accounts.changeEmail(created.username(), Optional.of(account.email));
    }
    return Response.status(Response.Status.CREATED)
        .entity(
            new AccountRepresentation(
                created.username(),
                created.displayName(),
                grants.stream()
                    .map(g -> g.role().name() + g.tenant().map(t -> "@" + t).orElse(""))
                    .toList()))
        .build();
  }
}
