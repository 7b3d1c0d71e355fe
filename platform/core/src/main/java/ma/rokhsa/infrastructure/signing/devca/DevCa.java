package ma.rokhsa.infrastructure.signing.devca;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;
import ma.rokhsa.infrastructure.signing.SigningSettings;

/**
 * The development CA of this node, opened (or created) on first use. It refuses to start unless
 * demo mode is on ({@code rokhsa.demo=true}) and its password is configured ({@code
 * rokhsa.signing.dev-ca.password}): a production platform never generates its trust.
 */
@ApplicationScoped
public class DevCa {

  private static final Logger LOG = Logger.getLogger(DevCa.class.getName());

  @Inject RokhsaSettings settings;
  @Inject SigningSettings signing;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  DataSource dataSource;

  private DevCertificationAuthority authority;

  @PostConstruct
  void open() {
    requireDemoMode(settings.demo());
    char[] password =
        signing
            .devCaPassword()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the development CA needs rokhsa.signing.dev-ca.password"))
            .toCharArray();
    authority =
        DevCertificationAuthority.open(
            signing.devCaDir(),
            password,
            settings.publicUrl(),
            new JdbcIssuedCertificates(dataSource),
            Clock.systemUTC());
    LOG.warning(
        "DEVELOPMENT CA in use (demo mode), root "
            + authority.rootCertificate().getSubjectX500Principal()
            + " — never trusted in production");
  }

  /** Refuses to go on unless demo mode is on. */
  static void requireDemoMode(boolean demo) {
    if (!demo) {
      throw new IllegalStateException(
          "the development CA runs in demo mode only (rokhsa.demo=true); in production configure"
              + " rokhsa.signing.trust-anchors and rokhsa.signing.tsa.url (docs/signatures.md)");
    }
  }

  public DevCertificationAuthority authority() {
    return authority;
  }
}
