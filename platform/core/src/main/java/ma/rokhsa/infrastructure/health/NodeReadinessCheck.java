package ma.rokhsa.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ma.rokhsa.infrastructure.lifecycle.NodeLifecycle;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the node serves (see {@link NodeStartedCheck} for what that takes): DOWN from
 * the moment it starts draining, so that a load balancer sends it nothing new. With the database
 * check, the whole of {@code /health/ready}.
 */
@Readiness
@ApplicationScoped
public class NodeReadinessCheck implements HealthCheck {

  @Inject NodeLifecycle lifecycle;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("node")
        .status(lifecycle.phase() == NodeLifecycle.Phase.SERVING)
        .withData("phase", lifecycle.phase().name())
        .withData("inFlight", lifecycle.inFlight())
        .build();
  }
}
