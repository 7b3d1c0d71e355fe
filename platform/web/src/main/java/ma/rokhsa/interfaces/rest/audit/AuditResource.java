package ma.rokhsa.interfaces.rest.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AuditService;
import ma.rokhsa.application.TenantAccess;
import ma.rokhsa.domain.model.audit.AuditEntry;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.EntryView;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.Page;
import ma.rokhsa.interfaces.rest.audit.AuditRepresentations.VerificationView;
import ma.rokhsa.interfaces.rest.tenant.RequestTenant;
import ma.rokhsa.interfaces.rest.tenant.TenantBound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's audit trail, for its tenant admins, the supervisors over it and the national admin.
 * {@link ma.rokhsa.interfaces.rest.tenant.TenantAccessFilter} has already drawn the tenant
 * boundary; both operations are reads (GET), so supervisors may call them.
 */
@Path("tenants/{tenantId}/audit")
@RequestScoped
@TenantBound
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  @Inject RequestTenant request;
  @Inject AuditService audit;

  private TenantId id;
  private TenantAccess access;

  @PostConstruct
  void resolved() {
    id = request.tenant().id();
    access = request.access();
  }

  @GET
  @Operation(
      summary = "The tenant's audit trail, in sequence order",
      description =
          "subjectType, subjectId: only the entries about this subject. after: only the entries"
              + " after this sequence (the next value of the previous page). limit: how many"
              + " (default 100, at most 1000).")
  public Page entries(
      @QueryParam("subjectType") String subjectType,
      @QueryParam("subjectId") String subjectId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    requireOversight();
    int max = limit(limit);
    List<AuditEntry> found =
        audit.entries(id, given(subjectType), given(subjectId), after(after), max + 1);
    List<EntryView> entries = found.stream().limit(max).map(EntryView::of).toList();
    Long next = found.size() > max ? entries.get(entries.size() - 1).sequence() : null;
    return new Page(entries, next);
  }

  @GET
  @Path("verify")
  @Operation(
      summary = "Verify the tenant's audit chain",
      description =
          "Walks the chain in sequence order and checks every entry's hash and link and the chain"
              + " head. intact, with the count and last hash; or the first bad entry, its fault"
              + " and why.")
  public VerificationView verify() {
    requireOversight();
    return VerificationView.of(audit.verify(id));
  }

  /** Tenant admins here, supervisors over here (read-only, no role of their own here), nation. */
  private void requireOversight() {
    if (access.read() && access.roles().isEmpty()) {
      return;
    }
    access.require(Role.TENANT_ADMIN, Role.NATIONAL_ADMIN);
  }

  static Optional<String> given(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip);
  }

  static long after(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long after = Long.parseLong(value.strip());
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidParameter(
        "after",
        "after must be a sequence number (a whole number, 0 or more), not '" + value + "'");
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidParameter(
        "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
  }
}
