package ma.rokhsa.interfaces.rest.tenant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.SignatureKeyService;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.Allowance;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.Member;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.NewMember;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.NewPurchase;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.NewSignatory;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.PurchaseView;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.Revocation;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.SignatoryView;
import ma.rokhsa.interfaces.rest.tenant.TenantRepresentations.TenantView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One tenant's resources. {@link TenantAccessFilter} has already checked that the caller may see
 * this tenant (and may write, for anything but GET); each method then requires the role its action
 * needs here.
 */
@Path("tenants/{tenantId}")
@RequestScoped
@TenantBound
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  @Inject RequestTenant request;
  @Inject AccountService accounts;
  @Inject SignatureKeyService keys;
  @Inject HttpServletRequest http;

  private Tenant tenant;
  private TenantId id;
  private TenantAccess access;
  private Caller caller;

  @PostConstruct
  void resolved() {
    tenant = request.tenant();
    id = tenant.id();
    access = request.access();
    caller = request.caller();
  }

  @GET
  @Operation(summary = "The tenant, its status and its signature-key allowance")
  public TenantView view() {
    return new TenantView(
        id.value(),
        tenant.kind().name(),
        tenant.nameFr(),
        tenant.nameAr(),
        tenant.population().orElse(null),
        tenant.status().name(),
        tenant.status().acceptsDeposits(),
        tenant.procedures(),
        Allowance.of(keys.allowance(id)));
  }

  @GET
  @Path("users")
  @Operation(summary = "Accounts holding roles in this tenant")
  public List<Member> members() {
    return accounts.members(id).entrySet().stream()
        .map(
            e ->
                new Member(
                    e.getKey().username(),
                    e.getKey().displayName(),
                    e.getKey().enabled(),
                    e.getValue().stream().map(Enum::name).toList()))
        .toList();
  }

  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give an account a role in this tenant (creating the account if new)")
  public Response addMember(@Valid @NotNull NewMember member) {
    access.require(Role.TENANT_ADMIN);
    Role role = RequestValues.enumValue(Role.class, "role", member.role);
    var account =
        accounts.addMember(
            id,
            member.username,
            member.displayName,
            member.password == null ? null : member.password.toCharArray(),
            role,
            Optional.ofNullable(member.body).filter(b -> !b.isBlank()),
            caller.username(),
            request.context().actor().sourceAddress());
    return Response.status(Response.Status.CREATED).entity(member(account)).build();
  }

  @POST
  @Path("users/{username}/revocations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take back a role a member holds in this tenant; audited",
      description =
          "Every grant of the role here (for a commission member, only the named body's if one"
              + " is given); takes effect at the member's next request. A tenant admin's role is"
              + " revoked by the national administration only (403, the attempt audited). An"
              + " account holding no role here is not found.")
  public Member revoke(
      @PathParam("username") String username, @Valid @NotNull Revocation revocation) {
    access.require(Role.TENANT_ADMIN);
    Role role = RequestValues.enumValue(Role.class, "role", revocation.role);
    return member(
        accounts.revokeInTenant(
            access,
            username,
            role,
            Optional.ofNullable(revocation.body).filter(b -> !b.isBlank()),
            caller.username(),
            request.context().actor().sourceAddress()));
  }

  @POST
  @Path("users/{username}/disable")
  @Operation(
      summary = "Disable a member's account: it signs in no more and its tokens answer 403",
      description =
          "Only an account whose every role is held in this tenant (revoke its roles here"
              + " otherwise: 409); a tenant admin's account only by the national administration"
              + " (403, the attempt audited). Recorded in the tenant's audit chain.")
  public Member disable(@PathParam("username") String username) {
    access.require(Role.TENANT_ADMIN);
    return member(
        accounts.suspendInTenant(
            access, username, true, caller.username(), request.context().actor().sourceAddress()));
  }

  @POST
  @Path("users/{username}/enable")
  @Operation(
      summary = "Enable a member's account again",
      description = "Under the same conditions as disabling it.")
  public Member enable(@PathParam("username") String username) {
    access.require(Role.TENANT_ADMIN);
    return member(
        accounts.suspendInTenant(
            access, username, false, caller.username(), request.context().actor().sourceAddress()));
  }

  @POST
  @Path("users/{username}/second-factor/reset")
  @Operation(
      summary = "Remove a member's second factor (a lost phone)",
      description =
          "Its holder then signs in with the password alone and may enroll again. An admin's"
              + " second factor only by the national administration (403, the attempt audited)."
              + " Recorded in the tenant's audit chain.")
  public Member resetSecondFactor(@PathParam("username") String username) {
    access.require(Role.TENANT_ADMIN);
    return member(
        accounts.resetSecondFactorInTenant(
            access, username, caller.username(), request.context().actor().sourceAddress()));
  }

  /** A member as this tenant sees it: its roles here only. */
  private Member member(ma.rokhsa.domain.model.identity.Account account) {
    return new Member(
        account.username(),
        account.displayName(),
        account.enabled(),
        accounts.rolesIn(id, account).stream().map(Enum::name).toList());
  }

  @GET
  @Path("signatories")
  @Operation(summary = "The tenant's signatories")
  public List<SignatoryView> signatories() {
    return keys.signatories(id).stream().map(SignatoryView::of).toList();
  }

  @GET
  @Path("signatories/{signatoryId}")
  @Operation(summary = "One signatory")
  public SignatoryView signatory(@PathParam("signatoryId") long signatoryId) {
    return keys.signatory(id, signatoryId)
        .map(SignatoryView::of)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("signatories")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Name a signatory")
  public Response nameSignatory(@Valid @NotNull NewSignatory signatory) {
    access.require(Role.TENANT_ADMIN);
    var named =
        keys.nameSignatory(
            id,
            signatory.fullName,
            signatory.title,
            Optional.ofNullable(signatory.username),
            Optional.ofNullable(signatory.cin),
            signatory.interim);
    return Response.status(Response.Status.CREATED).entity(SignatoryView.of(named)).build();
  }

  @GET
  @Path("extra-keys")
  @Operation(summary = "Keys bought beyond the quota, at the tenant's own cost")
  public List<PurchaseView> purchases() {
    return keys.purchases(id).stream().map(PurchaseView::of).toList();
  }

  @POST
  @Path("extra-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record keys bought beyond the quota (count, cost, date); audited",
      description = "An extra-key record: keys beyond the quota are issued only against one.")
  public Response recordPurchase(@Valid @NotNull NewPurchase purchase) {
    access.require(Role.TENANT_ADMIN);
    var recorded =
        keys.recordPurchase(
            id,
            purchase.keyCount,
            purchase.costMad,
            purchase.purchasedOn,
            caller.username(),
            http.getRemoteAddr());
    return Response.status(Response.Status.CREATED).entity(PurchaseView.of(recorded)).build();
  }
}
