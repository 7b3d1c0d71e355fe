package ma.rokhsa.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The platform's clock: UTC system time. One place to change it (tests of legal deadlines). */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
