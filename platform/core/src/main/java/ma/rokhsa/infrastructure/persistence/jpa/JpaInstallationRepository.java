package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import ma.rokhsa.domain.model.installation.Installation;
import ma.rokhsa.domain.model.installation.InstallationRepository;

@ApplicationScoped
class JpaInstallationRepository implements InstallationRepository {

  @PersistenceContext(unitName = "rokhsa")
  private EntityManager em;

  @Override
  public Optional<Installation> find() {
    return em.createQuery("select i from Installation i", Installation.class)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(Installation installation) {
    em.persist(installation);
    em.flush();
  }
}
