package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import ma.rokhsa.it.support.Deployments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The content store and the receipt renderer as the server wires them: the store the settings
 * choose (local, under the data directory), and PDFBox, ICU4J, ZXing, Tika and the fonts loading
 * from the WAR inside Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platformWithProbes();
  }

  @ArquillianResource URL deployed;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void storesAnUploadOnceUnderTheDataDirectoryAndGivesItBack() throws Exception {
    byte[] pdf = receipt("0".repeat(64));
    JsonNode stored = put(pdf, pdf.length);
    JsonNode again = put(pdf, pdf.length);

    String sha256 = stored.path("sha256").asText();
    assertThat(stored.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(stored.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(again).isEqualTo(stored);
    Path file =
        Path.of(System.getProperty("rokhsa.it.dir"), "arquillian", "content")
            .resolve(sha256.substring(0, 2))
            .resolve(sha256.substring(2, 4))
            .resolve(sha256);
    assertThat(file).hasBinaryContent(pdf);
    HttpResponse<byte[]> back = get("api/_probe/storage/contents/" + sha256);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(pdf);
  }

  @Test
  void refusesWhatIsLargerThanAllowed() throws Exception {
    byte[] bytes = new byte[70_000];
    new Random(7).nextBytes(bytes);

    HttpResponse<String> refused = send(bytes, 65_536);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(new ObjectMapper().readTree(refused.body()).path("type").asText())
        .isEqualTo("https://rokhsa.ma/problems/payload-too-large");
    assertThat(get("api/_probe/storage/contents/" + sha256(bytes)).statusCode()).isEqualTo(404);
  }

  @Test
  void rendersTheReceiptInsideTheServer() throws Exception {
    String hash = "9273aeb024b01f55" + "0".repeat(48);
    try (PDDocument document = Loader.loadPDF(receipt(hash))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(text)
          .contains("PC-06.141.01.0-2026-000042")
          .contains("Z9XK-44TQ")
          .contains("9273aeb024b01f55")
          .contains("جماعة الدار البيضاء");
    }
  }

  private byte[] receipt(String sha256) throws Exception {
    HttpResponse<byte[]> response = get("api/_probe/storage/receipt?sha256=" + sha256);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    return response.body();
  }

  private JsonNode put(byte[] bytes, long max) throws Exception {
    HttpResponse<String> response = send(bytes, max);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private HttpResponse<String> send(byte[] bytes, long max) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri("api/_probe/storage/contents?max=" + max))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) throws Exception {
    URI base = deployed.toURI();
    return new URI(base.getScheme(), null, base.getHost(), base.getPort(), "/", null, null)
        .resolve(path);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
