package ma.rokhsa.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The JSON API of Rokhsa, under {@code /api}. Resources and providers are discovered. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Rokhsa API",
            version = "see /api/version",
            description =
                "National single window for digital authorizations: dossiers, procedures,"
                    + " tenants and signatures. Errors are RFC 9457 problem details"
                    + " (application/problem+json).",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class RokhsaApi extends Application {}
