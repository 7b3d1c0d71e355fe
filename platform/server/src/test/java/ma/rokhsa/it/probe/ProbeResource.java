package ma.rokhsa.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("_probe")
@RequestScoped
public class ProbeResource {

  /** A body to echo. */
  public static class Sample {
    @NotBlank public String name;
    @Positive public int count;
  }

  /**
   * Names a signatory whose name is longer than its column, past the request's validation: the
   * database refuses it, and the error must still be answered as a problem (it once made an
   * exception mapper fail). The service is called reflectively: its signatory entity carries
   * EclipseLink annotations this module does not compile against.
   */
  @POST
  @Path("database-refusal/{tenantId}")
  @Produces(MediaType.APPLICATION_JSON)
  public String databaseRefusal(@jakarta.ws.rs.PathParam("tenantId") String tenant)
      throws ReflectiveOperationException {
    Class<?> service = Class.forName("ma.rokhsa.application.SignatureKeyService");
    Object keys = jakarta.enterprise.inject.spi.CDI.current().select(service).get();
    try {
      service
          .getMethod(
              "nameSignatory",
              ma.rokhsa.domain.model.tenant.TenantId.class,
              String.class,
              String.class,
              java.util.Optional.class)
          .invoke(
              keys,
              ma.rokhsa.domain.model.tenant.TenantId.of(tenant),
              "x".repeat(100_000),
              "probe",
              java.util.Optional.empty());
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
    return "stored";
  }

  @GET
  @Path("boom")
  public String boom() {
    throw new IllegalStateException("secret internal detail that must not leak");
  }

  @POST
  @Path("echo")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Sample echo(@Valid Sample sample) {
    return sample;
  }
}
