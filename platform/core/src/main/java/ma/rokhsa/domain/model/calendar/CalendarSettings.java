package ma.rokhsa.domain.model.calendar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The calendar's configuration: the changes announced nationally, per year, and each tenant's own
 * closures.
 *
 * @param years announced changes by year
 * @param closures closures by tenant, each of kind {@link Holiday.Kind#TENANT_CLOSURE}
 */
public record CalendarSettings(
    Map<Integer, AnnouncedChanges> years, Map<TenantId, List<Holiday>> closures) {

  public static final CalendarSettings NONE = new CalendarSettings(Map.of(), Map.of());

  public CalendarSettings {
    years = Map.copyOf(Objects.requireNonNull(years, "years"));
    Objects.requireNonNull(closures, "closures");
    Map<TenantId, List<Holiday>> copy = new HashMap<>();
    closures.forEach((tenant, days) -> copy.put(tenant, List.copyOf(days)));
    closures = Map.copyOf(copy);
  }

  public AnnouncedChanges changes(int year) {
    return years.getOrDefault(year, AnnouncedChanges.NONE);
  }

  public List<Holiday> closures(TenantId tenant) {
    return closures.getOrDefault(tenant, List.of());
  }
}
