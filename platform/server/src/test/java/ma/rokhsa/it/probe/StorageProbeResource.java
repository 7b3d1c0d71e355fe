package ma.rokhsa.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import ma.rokhsa.domain.model.document.ReceiptRenderer;
import ma.rokhsa.domain.model.document.StoredContent;

/** Reaches the content store and the receipt renderer as the server wires them (tests only). */
@Path("_probe/storage")
@RequestScoped
public class StorageProbeResource {

  @Inject ContentStore store;
  @Inject ReceiptRenderer receipts;

  @POST
  @Path("contents")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> put(InputStream body, @QueryParam("max") long max) {
    StoredContent stored = store.put(body, max);
    return Map.of(
        "sha256", stored.sha256(), "size", stored.size(), "mediaType", stored.mediaType());
  }

  @GET
  @Path("contents/{sha256}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public StreamingOutput open(@PathParam("sha256") String sha256) throws IOException {
    InputStream in = store.open(sha256);
    return out -> {
      try (in) {
        in.transferTo(out);
      }
    };
  }

  @GET
  @Path("receipt")
  @Produces("application/pdf")
  public byte[] receipt(@QueryParam("sha256") String sha256) {
    return receipts.render(
        new Receipt(
            "PC-06.141.01.0-2026-000042",
            "Z9XK-44TQ",
            "Commune de Casablanca",
            "جماعة الدار البيضاء",
            "Permis de construire",
            "رخصة البناء",
            "Nabila Rmili",
            OffsetDateTime.parse("2026-11-29T14:05:00Z"),
            List.of(new ReceiptItem("Plan de situation", "تصميم الموقع", "plan.pdf", sha256)),
            URI.create("https://rokhsa.example/suivi/Z9XK-44TQ")));
  }
}
