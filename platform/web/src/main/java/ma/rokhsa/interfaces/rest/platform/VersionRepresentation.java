package ma.rokhsa.interfaces.rest.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform's version and the installation it serves.
 *
 * @param name always {@code Rokhsa}
 * @param version the platform's version
 * @param builtAt when this build was made
 * @param pluginApiVersion the plugin API version offered to plugins
 * @param installationId the identity of this installation, shared by all its nodes
 * @param installedAt when the installation was created
 */
public record VersionRepresentation(
    String name,
    String version,
    String builtAt,
    String pluginApiVersion,
    UUID installationId,
    Instant installedAt) {}
