package ma.rokhsa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ma.rokhsa.application.SecondFactorPolicy;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/** Makes the {@link SecondFactorPolicy} from demo mode and the tests' exemptions. */
@ApplicationScoped
class SecondFactorSettings {

  @Produces
  @jakarta.inject.Singleton
  SecondFactorPolicy policy(RokhsaSettings settings) {
    return new SecondFactorPolicy(!settings.demo(), "Rokhsa", settings.secondFactorExempt());
  }
}
