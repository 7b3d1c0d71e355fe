package ma.rokhsa.application;

import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The tenant one request works for, and who acts there: made once per request where the tenant is
 * resolved — {@code TenantAccessFilter} for {@code /api/tenants/{tenantId}/…}, the dossier
 * reference for public tracking — then passed to the one service the request calls. Services take
 * it first; {@link TenantScoped} sets the persistence layer's tenant filter from it.
 *
 * @param tenant the tenant whose data the request works on
 * @param actor who acts, in the roles held there
 */
public record TenantContext(TenantId tenant, Actor actor) {

  /** The account of whoever tracks a dossier publicly: no roles, reads only. */
  public static final String PUBLIC = "public";

  public TenantContext {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
  }

  /** Anyone holding a dossier's reference and tracking code. */
  public static TenantContext publicTracking(TenantId tenant) {
    return new TenantContext(tenant, new Actor(PUBLIC, Set.of(), true, ""));
  }

  /** The platform itself, working for a tenant (the legal clock). */
  public static TenantContext platform(TenantId tenant) {
    return new TenantContext(tenant, Actor.system());
  }
}
