package ma.rokhsa.infrastructure.tenantconfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ma.rokhsa.application.TenantConfigSource;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/** The tenant configuration in the directory named by {@code rokhsa.tenant-config.dir}. */
@ApplicationScoped
class FileTenantConfigSource implements TenantConfigSource {

  @Inject RokhsaSettings settings;

  @Override
  public TenantConfiguration load() {
    return TenantConfigLoader.load(settings.tenantConfigDir());
  }
}
