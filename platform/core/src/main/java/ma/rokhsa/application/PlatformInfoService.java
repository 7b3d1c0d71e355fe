package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ma.rokhsa.domain.model.installation.Installation;
import ma.rokhsa.domain.model.installation.InstallationRepository;
import ma.rokhsa.infrastructure.config.BuildInfo;

/** What the platform says about itself: its build and the installation it serves. */
@ApplicationScoped
public class PlatformInfoService {

  private InstallationRepository installations;
  private BuildInfo build;

  /** For CDI's proxy. */
  protected PlatformInfoService() {}

  @Inject
  PlatformInfoService(InstallationRepository installations, BuildInfo build) {
    this.installations = installations;
    this.build = build;
  }

  /**
   * The installation, created on the first call against an empty database. If another node creates
   * it at the same moment this call fails, and the next one reads the winner's.
   */
  @Transactional
  public Installation installation() {
    return installations
        .find()
        .orElseGet(
            () -> {
              Installation created = Installation.createNow(build.version());
              installations.store(created);
              return created;
            });
  }

  public BuildInfo build() {
    return build;
  }
}
