package ma.rokhsa.domain.model.installation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One Rokhsa deployment. There is exactly one row: every node of a cluster reads the same identity,
 * so support tickets, exports and signatures can name the installation they came from.
 */
@Entity
@Table(name = "platform_installation")
public class Installation {

  /** The only key the table accepts (a check constraint keeps it to one row). */
  static final short SINGLETON = 1;

  @Id
  @Column(name = "singleton")
  private short singleton = SINGLETON;

  @Column(name = "installation_id", nullable = false, updatable = false, length = 36)
  private String installationId;

  @Column(name = "installed_at", nullable = false, updatable = false)
  // EclipseLink 4.0 maps OffsetDateTime, not Instant, to TIMESTAMP WITH TIME ZONE.
  private OffsetDateTime installedAt;

  @Column(name = "installed_version", nullable = false, updatable = false, length = 64)
  private String installedVersion;

  protected Installation() {
    // for JPA
  }

  private Installation(UUID installationId, Instant installedAt, String installedVersion) {
    this.installationId = installationId.toString();
    this.installedAt = installedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    this.installedVersion = Objects.requireNonNull(installedVersion, "installedVersion");
  }

  /** A new installation, made the first time the platform starts on an empty database. */
  public static Installation createNow(String platformVersion) {
    return new Installation(UUID.randomUUID(), Instant.now(), platformVersion);
  }

  public UUID id() {
    return UUID.fromString(installationId);
  }

  public Instant installedAt() {
    return installedAt.toInstant();
  }

  /** The platform version that created this installation. */
  public String installedVersion() {
    return installedVersion;
  }
}
