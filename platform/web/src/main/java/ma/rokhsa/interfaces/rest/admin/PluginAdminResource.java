package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import ma.rokhsa.application.PluginManagement;
import ma.rokhsa.application.ProcedureCatalog;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PluginAdminResource {

  @Inject ProcedureCatalog catalog;
  @Inject PluginManagement management;

  /** The largest plugin zip accepted. */
  static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;

  @GET
  @Path("plugins")
  @Operation(summary = "Every plugin found: started, disabled or failed, with the reason")
  public List<ProcedureCatalog.PluginStatus> plugins() {
    return catalog.plugins();
  }

  @POST
  @Path("plugins")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Install a plugin from its zip (request body), and start it",
      description =
          "The zip's detached CMS signature, base64, in the Plugin-Signature header: 422 if it is"
              + " missing, does not match or is not by a trusted vendor. 409 if a plugin with its"
              + " id is installed already: upgrade it instead.")
  public Response install(
      InputStream zip,
      @HeaderParam(SIGNATURE_HEADER) String signature,
      @Context SecurityContext security)
      throws IOException {
    return Response.status(Response.Status.CREATED)
        .entity(
            management.install(
                read(zip), signature(signature), CallerPrincipal.of(security).username()))
        .build();
  }

  @PUT
  @Path("plugins/{id}")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Upgrade a plugin to a newer version (request body: its zip)",
      description =
          "If the new version fails to start, the old one is put back and 409 says why. The new"
              + " version must be signed by the signer of the one it replaces (409 otherwise);"
              + " acceptSignerChange=true is an operator's word that the vendor's identity changed"
              + " on purpose, and the change is written in the audit chain.")
  public ProcedureCatalog.PluginStatus upgrade(
      @PathParam("id") String id,
      InputStream zip,
      @HeaderParam(SIGNATURE_HEADER) String signature,
      @QueryParam("acceptSignerChange") String acceptSignerChange,
      @Context SecurityContext security)
      throws IOException {
    boolean accept = RequestValues.flag("acceptSignerChange", acceptSignerChange, false);
    return management.upgrade(
        id, read(zip), signature(signature), accept, CallerPrincipal.of(security).username());
  }

  /** The detached CMS signature of the zip (DER), base64 in this header. */
  static final String SIGNATURE_HEADER = "Plugin-Signature";

  private static byte[] signature(String header) {
    if (header == null || header.isBlank()) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(header.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(SIGNATURE_HEADER, SIGNATURE_HEADER + " is not base64");
    }
  }

  @POST
  @Path("plugins/{id}/enable")
  @Operation(summary = "Enable a plugin (on every node)")
  public ProcedureCatalog.PluginStatus enable(
      @PathParam("id") String id, @Context SecurityContext security) {
    return management.enable(id, CallerPrincipal.of(security).username());
  }

  @POST
  @Path("plugins/{id}/disable")
  @Operation(summary = "Disable a plugin (on every node); its procedures are no longer offered")
  public ProcedureCatalog.PluginStatus disable(
      @PathParam("id") String id, @Context SecurityContext security) {
    return management.disable(id, CallerPrincipal.of(security).username());
  }

  @DELETE
  @Path("plugins/{id}")
  @Operation(
      summary = "Remove a plugin installed through the API",
      description = "Shipped plugins can only be disabled (409).")
  public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
    management.remove(id, CallerPrincipal.of(security).username());
    return Response.noContent().build();
  }

  private static byte[] read(InputStream zip) throws IOException {
    byte[] bytes = zip.readNBytes(MAX_ZIP_BYTES + 1);
    if (bytes.length > MAX_ZIP_BYTES) {
      throw new WebApplicationException(
          "a plugin zip holds at most " + MAX_ZIP_BYTES + " bytes", 413);
    }
    return bytes;
  }

  @GET
  @Path("procedures")
  @Operation(summary = "The procedures the started plugins offer")
  public List<ProcedureRepresentation> procedures() {
    return catalog.procedures().stream().map(ProcedureRepresentation::of).toList();
  }
}
