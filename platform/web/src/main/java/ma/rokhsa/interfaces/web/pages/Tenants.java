package ma.rokhsa.interfaces.web.pages;

import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Tenant ids as the pages receive them, in paths and forms. */
final class Tenants {

  private Tenants() {}

  /** The tenant id in this text, if it is one. */
  static Optional<TenantId> id(String text) {
    if (text == null || text.isBlank() || text.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantId.of(text.strip()));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
