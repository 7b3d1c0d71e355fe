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
