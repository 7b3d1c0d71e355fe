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

  @jakarta.inject.Inject ma.rokhsa.application.LegalClock legalClock;

  /** Runs the legal clock as if today were {@code today}: deadlines in tests without waiting. */
  @POST
  @Path("legal-clock")
  @Produces(MediaType.APPLICATION_JSON)
  public ma.rokhsa.application.LegalClock.Tick legalClock(
      @jakarta.ws.rs.QueryParam("today") String today) {
    return legalClock.tick(java.time.LocalDate.parse(today));
  }

  @jakarta.inject.Inject ma.rokhsa.application.SignatureKeyService keys;

  /**
   * Names a signatory whose name is longer than its column, past the request's validation: the
   * database refuses it, and the error must still be answered as a problem (it once made an
   * exception mapper fail).
   */
  @POST
  @Path("database-refusal/{tenantId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Object databaseRefusal(@jakarta.ws.rs.PathParam("tenantId") String tenant) {
    return keys.nameSignatory(
        ma.rokhsa.domain.model.tenant.TenantId.of(tenant),
        "x".repeat(100_000),
        "probe",
        java.util.Optional.empty());
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
