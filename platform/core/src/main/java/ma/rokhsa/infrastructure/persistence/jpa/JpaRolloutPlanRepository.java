package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.tenant.RolloutPlan;
import ma.rokhsa.domain.model.tenant.RolloutPlanRepository;
import ma.rokhsa.domain.model.tenant.RolloutWave;
import ma.rokhsa.domain.model.tenant.TenantId;

@ApplicationScoped
class JpaRolloutPlanRepository implements RolloutPlanRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public Optional<RolloutPlan> find() {
    TenantConfigStateEntity state = em.find(TenantConfigStateEntity.class, (short) 1);
    if (state == null) {
      return Optional.empty();
    }
    List<RolloutWave> waves =
        em.createQuery(
                "select w from RolloutWaveEntity w order by w.position", RolloutWaveEntity.class)
            .getResultStream()
            .map(
                w ->
                    new RolloutWave(
                        w.name,
                        Arrays.stream(w.regions.split(","))
                            .filter(s -> !s.isBlank())
                            .map(TenantId::of)
                            .toList()))
            .toList();
    return Optional.of(
        new RolloutPlan(
            waves, state.readinessThreshold, state.digest, state.appliedAt.toInstant()));
  }

  @Override
  public void store(RolloutPlan plan) {
    TenantConfigStateEntity state = em.find(TenantConfigStateEntity.class, (short) 1);
    boolean first = state == null;
    if (first) {
      state = new TenantConfigStateEntity();
    }
    state.applied(
        plan.configDigest(), plan.readinessThreshold(), plan.appliedAt().atOffset(ZoneOffset.UTC));
    if (first) {
      em.persist(state);
    }
    em.createQuery("delete from RolloutWaveEntity").executeUpdate();
    int position = 0;
    for (RolloutWave wave : plan.waves()) {
      RolloutWaveEntity entity = new RolloutWaveEntity();
      entity.name = wave.name();
      entity.position = position++;
      entity.regions =
          wave.regions().stream().map(TenantId::value).collect(Collectors.joining(","));
      em.persist(entity);
    }
  }
}
