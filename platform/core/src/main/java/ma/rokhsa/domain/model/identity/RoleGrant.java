package ma.rokhsa.domain.model.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A role an account holds, and where: a tenant for agent roles, a province or region for
 * supervisors, nowhere in particular for the national admin, applicants and architects.
 */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "role_grant_seq")
  @SequenceGenerator(name = "role_grant_seq", sequenceName = "role_grant_seq", allocationSize = 50)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 32)
  private Role role;

  @Column(name = "tenant_id", length = 64)
  private String tenantId;

  @Column(name = "qualifier", length = 100)
  private String qualifier;

  @Column(name = "granted_by", nullable = false, length = 100)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private OffsetDateTime grantedAt;

  protected RoleGrant() {
    // for JPA
  }

  /**
   * Grants {@code role} to the account, at {@code tenant} when the role is bound to one.
   *
   * @throws IllegalArgumentException if the role needs a tenant and none is given, or the reverse
   */
  public static RoleGrant grant(
      Account account, Role role, Optional<TenantId> tenant, String grantedBy, Instant now) {
    return grant(account, role, tenant, Optional.empty(), grantedBy, now);
  }

  /** The consulted bodies a commission member may speak for: a procedure's body ids. */
  private static final java.util.regex.Pattern BODY =
      java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Grants {@code role} to the account, at {@code tenant} when the role is bound to one, for the
   * consulted body {@code body} when the role is {@linkplain Role#qualified() qualified}.
   *
   * @throws IllegalArgumentException if the role needs a tenant and none is given, or the reverse;
   *     if a commission member's grant names no body, or another role's names one
   */
  public static RoleGrant grant(
      Account account,
      Role role,
      Optional<TenantId> tenant,
      Optional<String> body,
      String grantedBy,
      Instant now) {
    if (role.qualified() && body.isEmpty()) {
      throw new IllegalArgumentException(
          role + " speaks for one consulted body: name it (body, e.g. protection-civile)");
    }
    if (!role.qualified() && body.isPresent()) {
      throw new IllegalArgumentException(role + " is not held for a consulted body");
    }
    if (body.isPresent() && (body.get().length() > 100 || !BODY.matcher(body.get()).matches())) {
      throw new IllegalArgumentException(
          "'" + body.get() + "' is not a consulted body's id (lower-case words joined by '-')");
    }
    boolean needsTenant = role.scope() == Role.Scope.TENANT || role.scope() == Role.Scope.TERRITORY;
    if (needsTenant && tenant.isEmpty()) {
      throw new IllegalArgumentException(role + " is held in a tenant: name it");
    }
    if (!needsTenant && tenant.isPresent()) {
      throw new IllegalArgumentException(role + " is not bound to a tenant");
    }
    RoleGrant grant = new RoleGrant();
    grant.accountId = account.id();
    grant.role = role;
    grant.tenantId = tenant.map(TenantId::value).orElse(null);
    grant.qualifier = body.orElse(null);
    grant.grantedBy = grantedBy;
    grant.grantedAt = now.atOffset(ZoneOffset.UTC);
    return grant;
  }

  public Long id() {
    return id;
  }

  public Long accountId() {
    return accountId;
  }

  public Role role() {
    return role;
  }

  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenantId).map(TenantId::of);
  }

  /** The consulted body a commission member speaks for; empty for every other role. */
  public Optional<String> body() {
    return Optional.ofNullable(qualifier);
  }

  public String grantedBy() {
    return grantedBy;
  }

  public Instant grantedAt() {
    return grantedAt.toInstant();
  }
}
