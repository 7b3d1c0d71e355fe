package ma.rokhsa.domain.model.rollout;

import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantProfile;

/** Small hand-made tenants for tests that do not need the whole territory. */
final class Fixtures {

  private Fixtures() {}

  static Tenant tenant(String id, TenantKind kind, String path, Long population) {
    Optional<TenantId> parent =
        path.contains("/")
            ? Optional.of(
                TenantId.of(path.substring(0, path.lastIndexOf('/')).replaceAll(".*/", "")))
            : Optional.empty();
    return Tenant.declare(
        new TenantProfile(
            TenantId.of(id),
            kind,
            parent,
            path,
            "Nom " + id,
            "اسم",
            Optional.ofNullable(population),
            "rokhsa",
            List.of(),
            3));
  }
}
