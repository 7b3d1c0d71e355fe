package ma.rokhsa.interfaces.rest.admin;

import java.util.List;
import ma.rokhsa.domain.model.tenant.RolloutWave;

/**
 * A rollout wave, as tenant-config/rollout.yaml declares it.
 *
 * @param name its name ({@code 1})
 * @param regions the codes of its regions, in the order declared
 */
public record WaveRepresentation(String name, List<String> regions) {

  static WaveRepresentation of(RolloutWave wave) {
    return new WaveRepresentation(
        wave.name(), wave.regions().stream().map(Object::toString).toList());
  }
}
