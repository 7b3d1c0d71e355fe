package ma.rokhsa.domain.model.tenant;

import java.util.List;
import java.util.Objects;

/**
 * A wave of the rollout: regions enabled together, as the Ministry of Interior decides.
 *
 * @param name how the configuration names the wave ({@code 1})
 * @param regions the regions it enables, in the order given
 */
public record RolloutWave(String name, List<TenantId> regions) {

  public RolloutWave {
    Objects.requireNonNull(name, "name");
    regions = List.copyOf(regions);
  }
}
