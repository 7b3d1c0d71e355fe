package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Today in Morocco's legal time ({@link DossierWorkflow#LEGAL_ZONE}), from the platform's clock.
 */
@ApplicationScoped
public class LegalTime {

  private Clock clock;

  /** For CDI's proxy. */
  protected LegalTime() {}

  @Inject
  LegalTime(Clock clock) {
    this.clock = clock;
  }

  public LocalDate today() {
    return clock.instant().atZone(DossierWorkflow.LEGAL_ZONE).toLocalDate();
  }

  public Instant now() {
    return clock.instant();
  }
}
