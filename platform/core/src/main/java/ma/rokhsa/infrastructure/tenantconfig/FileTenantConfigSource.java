package ma.rokhsa.infrastructure.tenantconfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ma.rokhsa.application.TenantConfigSource;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.infrastructure.calendar.ConfiguredWorkingCalendars;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/** The tenant configuration in the directory named by {@code rokhsa.tenant-config.dir}. */
@ApplicationScoped
class FileTenantConfigSource implements TenantConfigSource {

  @Inject RokhsaSettings settings;
  @Inject ConfiguredWorkingCalendars calendars;

  /** Also reads {@code calendar/} and, when all is valid, hands it to the working calendars. */
  @Override
  public TenantConfiguration load() {
    TenantConfiguration configuration = TenantConfigLoader.load(settings.tenantConfigDir());
    calendars.apply(
        CalendarConfigLoader.load(
            settings.tenantConfigDir(), configuration.tenants().keySet(), calendars.rules()));
    return configuration;
  }
}
