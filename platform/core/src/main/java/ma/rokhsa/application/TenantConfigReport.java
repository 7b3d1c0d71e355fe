package ma.rokhsa.application;

import java.util.List;
import java.util.Map;

/**
 * What applying the tenant configuration changed.
 *
 * @param digest digest of the configuration applied
 * @param tenants how many tenants the configuration declares
 * @param created tenants declared for the first time
 * @param updated tenants whose profile changed, with the fields that did
 * @param unchanged how many tenants were already as configured
 * @param notInConfiguration tenants in the database that the configuration no longer declares
 *     (kept, with their data: removing a tenant is never automatic)
 * @param rolloutChanged whether the waves or the readiness threshold changed
 */
public record TenantConfigReport(
    String digest,
    int tenants,
    List<String> created,
    Map<String, List<String>> updated,
    int unchanged,
    List<String> notInConfiguration,
    boolean rolloutChanged) {

  public boolean changedAnything() {
    return !created.isEmpty() || !updated.isEmpty() || rolloutChanged;
  }

  /** One line for the log. */
  public String summary() {
    return "tenant-config "
        + digest.substring(0, 12)
        + ": "
        + tenants
        + " tenants, "
        + created.size()
        + " created, "
        + updated.size()
        + " updated, "
        + unchanged
        + " unchanged"
        + (notInConfiguration.isEmpty()
            ? ""
            : ", " + notInConfiguration.size() + " no longer configured")
        + (rolloutChanged ? "; rollout plan changed" : "");
  }
}
