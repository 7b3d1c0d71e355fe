package ma.rokhsa.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ma.rokhsa.infrastructure.lifecycle.NodeLifecycle;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once {@code PlatformBootstrap} has brought the node up: the application deployed, the
 * schema migrated, the tenant configuration applied, the plugins loaded, the token signing key at
 * hand and the scheduled jobs running. Stays UP afterwards, even while draining.
 */
@Startup
@ApplicationScoped
public class NodeStartedCheck implements HealthCheck {

  @Inject NodeLifecycle lifecycle;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("node")
        .status(lifecycle.phase() != NodeLifecycle.Phase.STARTING)
        .withData("phase", lifecycle.phase().name())
        .build();
  }
}
