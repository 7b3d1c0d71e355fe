package ma.rokhsa.domain.model.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a tenant. Territorial units are named by their HCP geographic code (region {@code 06},
 * province {@code 06.141}, commune {@code 06.141.01.0}, arrondissement {@code 06.141.01.01});
 * decentralized services by {@code svc-} and a lower-case slug ({@code svc-agence-urbaine-casa}).
 * One more value names no tenant: {@link #NATIONAL}, the audit chain of national actions (accounts,
 * grants, plugins, the tenant configuration); no tenant row has it, so no tenant-bound request can
 * reach it.
 */
public record TenantId(String value) implements Comparable<TenantId> {

  private static final Pattern TERRITORIAL =
      Pattern.compile("\\d{2}(\\.\\d{3}(\\.\\d{2}\\.\\d{1,2})?)?");
  private static final Pattern SERVICE = Pattern.compile("svc-[a-z0-9]+(-[a-z0-9]+)*");

  /** The audit chain of national actions, not a tenant (ADR 0023). */
  public static final TenantId NATIONAL = new TenantId("national");

  public TenantId {
    Objects.requireNonNull(value, "tenant id");
    if (!value.equals("national")
        && !TERRITORIAL.matcher(value).matches()
        && !SERVICE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a tenant id: '" + value + "' (an HCP code such as 06.141.01.0, or svc-<name>)");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  /** Whether this is {@link #NATIONAL}, the national audit chain rather than a tenant. */
  public boolean isNational() {
    return value.equals("national");
  }

  public boolean isService() {
    return value.startsWith("svc-");
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
