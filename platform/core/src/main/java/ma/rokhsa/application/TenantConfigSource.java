package ma.rokhsa.application;

import ma.rokhsa.domain.model.tenant.TenantConfiguration;

/** Where the tenant configuration comes from ({@code tenant-config/} on disk). */
public interface TenantConfigSource {

  /**
   * Reads and checks the whole configuration.
   *
   * @throws ma.rokhsa.infrastructure.tenantconfig.TenantConfigException listing every problem, with
   *     file and line, if it is broken
   */
  TenantConfiguration load();
}
