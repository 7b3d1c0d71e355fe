package ma.rokhsa.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: always the real, built web application. */
public final class Deployments {

  private Deployments() {}

  /** The WAR that `./mvnw -Prun` runs, as built by this reactor. */
  public static WebArchive platform() {
    File war = new File(System.getProperty("rokhsa.war", "target/rokhsa.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("build the platform first: " + war + " is missing");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /** The real WAR plus the test-only probe resources. */
  public static WebArchive platformWithProbes() {
    return platform().addPackage("ma.rokhsa.it.probe");
  }
}
