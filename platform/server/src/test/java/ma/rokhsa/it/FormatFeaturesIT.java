package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.PluginZips;
import ma.rokhsa.it.support.TestVendors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/**
 * The definition format's features, through the real server: the vendor example's autorisation de
 * tournage ({@code docs/examples/vendor-plugin}, sources and definition as they are in the
 * repository), built into a signed plugin and installed through the admin API. Its procedure
 * description lists its fee lines; a deposited dossier shows its fee (per day of filming and per
 * place) and its receipt states it; the Sûreté nationale, consulted only when a road is closed, is
 * asked its avis on the dossier that closes one and not on the other.
 */
class FormatFeaturesIT {

  static final String PROCEDURE = "autorisation-de-tournage";
  static final String PLUGIN = "tournage-essai";

  /** Lbir Jdid, an urban commune of region 06. */
  static final String T = "06.181.01.05";

  static final String PASSWORD = "a-long-test-password";
  static final TestVendors VENDOR = TestVendors.named("Editeur tournage");

  @Test
  void aTournageDossierShowsItsFeeOnItsReceiptAndConsultsThePoliceOnlyOnAClosedRoad()
      throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.root", "../..")).toAbsolutePath().normalize();
    Path dir = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "format");
    Files.createDirectories(dir);
    Path work = Files.createTempDirectory(dir, "work-");
    Path zip = tournagePlugin(root, work);
    Path tenantConfig = work.resolve("tenant-config");
    copyTree(root.resolve("tenant-config"), tenantConfig);
    Path national = tenantConfig.resolve("national.yaml");
    String last = "    - occupation-domaine-public\n";
    String yaml = Files.readString(national, StandardCharsets.UTF_8);
    assertThat(yaml).contains(last);
    Files.writeString(
        national, yaml.replace(last, last + "    - " + PROCEDURE + "\n"), StandardCharsets.UTF_8);

    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_PLUGINS_DIR", Files.createDirectories(work.resolve("plugins")).toString());
    env.put("ROKHSA_TENANT_CONFIG_DIR", tenantConfig.toString());
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        VENDOR.trustAnchors(work.resolve("anchors.pem")).toString());
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    try (PayaraProcess server =
        PayaraProcess.start("format", Files.createTempDirectory(dir, "data-"), env)) {
      awaitReady(server);
      Http http = server.http();
      Http admin = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
      Http.Response installed =
          admin.send(
              admin
                  .request("api/admin/plugins")
                  .header("Content-Type", "application/zip")
                  .header("Plugin-Signature", VENDOR.sign(zip))
                  .POST(HttpRequest.BodyPublishers.ofFile(zip))
                  .build());
      assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
      ok(admin.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));

      String run = Long.toString(System.currentTimeMillis(), 36);
      Http applicant = account(http, admin, "realisatrice-" + run, "APPLICANT", null);
      Http guichet = account(http, admin, "guichet-" + run, "GUICHET_AGENT", T);
      // One member speaking for both bodies the procedure consults (ADR 0023).
      created(
          admin.post(
              "api/admin/accounts",
              "{\"username\": \"commission-"
                  + run
                  + "\", \"displayName\": \"Commission\", \"password\": \""
                  + PASSWORD
                  + "\", \"grants\": [{\"role\": \"COMMISSION_MEMBER\", \"tenant\": \""
                  + T
                  + "\", \"body\": \"autorite-locale\"}, {\"role\": \"COMMISSION_MEMBER\","
                  + " \"tenant\": \""
                  + T
                  + "\", \"body\": \"surete-nationale\"}]}"));
      Http commission = http.signIn("commission-" + run, PASSWORD);

      // The procedure's description states how its fee is computed.
      JsonNode procedure =
          stream(ok(admin.get("api/tenants/" + T + "/procedures")))
              .filter(p -> p.path("id").asText().equals(PROCEDURE))
              .findFirst()
              .orElseThrow(() -> new AssertionError(PROCEDURE + " is not offered"));
      JsonNode fees = procedure.path("fees");
      assertThat(fees).hasSize(4);
      assertThat(fees.get(1).path("per").asText()).isEqualTo("DAY");
      assertThat(fees.get(1).path("of").toString())
          .isEqualTo("[\"premier_jour\",\"dernier_jour\"]");
      assertThat(fees.get(1).path("perUnit").decimalValue()).isEqualByComparingTo("1000");
      assertThat(fees.get(2).path("per").asText()).isEqualTo("ITEM");
      assertThat(fees.get(2).path("unit").path("fr").asText()).isEqualTo("Lieux de tournage");
      assertThat(fees.get(3).path("when").path("field").asText()).isEqualTo("fermeture_voie");

      LocalDate first = LocalDate.now().plusDays(20);
      // Three days, two places, a road closed: 200 + 3 × 1000 + 2 × 300 + 500.
      String closed =
          deposit(
              applicant,
              """
              {"societe": "Atlas Productions SARL", "titre_oeuvre": "Les jardins",
               "genre": "serie", "premier_jour": "%s", "dernier_jour": "%s",
               "fermeture_voie": true, "voie_fermee": "Avenue Hassan II, de 6 h à 14 h",
               "lieux": [{"adresse": "Avenue Hassan II, Lbir Jdid", "type_lieu": "rue"},
                         {"adresse": "Place de la mairie, Lbir Jdid", "type_lieu": "place"}]}
              """
                  .formatted(first, first.plusDays(2)),
              List.of("assurance", "plan-deviation"));
      // One day, one place, no road closed: 200 + 1000 + 300.
      String open =
          deposit(
              applicant,
              """
              {"societe": "Lumière du Sud", "titre_oeuvre": "Printemps", "genre": "publicite",
               "premier_jour": "%s", "dernier_jour": "%s", "fermeture_voie": false,
               "lieux": [{"adresse": "Jardin public, Lbir Jdid", "type_lieu": "jardin"}]}
              """
                  .formatted(first, first),
              List.of("assurance"));

      JsonNode closedView = ok(applicant.get(closed));
      assertThat(closedView.path("fee").path("total").decimalValue())
          .isEqualByComparingTo("4300.00");
      assertThat(closedView.path("fee").path("currency").asText()).isEqualTo("MAD");
      assertThat(closedView.path("fee").path("items"))
          .extracting(i -> i.path("amount").decimalValue().stripTrailingZeros().toPlainString())
          .containsExactly("200", "3000", "600", "500");
      assertThat(ok(applicant.get(open)).path("fee").path("total").decimalValue())
          .isEqualByComparingTo("1500.00");

      assertThat(receiptText(applicant, closed)).contains("Droits à payer 4 300,00 MAD");
      assertThat(receiptText(applicant, open)).contains("Droits à payer 1 500,00 MAD");

      // Before the commission: the police only where a road is closed.
      JsonNode closedAccepted = accept(guichet, closed);
      JsonNode openAccepted = accept(guichet, open);
      assertThat(closedAccepted.path("state").asText()).isEqualTo("commission");
      assertThat(bodies(closedAccepted)).containsExactly("autorite-locale", "surete-nationale");
      assertThat(bodies(openAccepted)).containsExactly("autorite-locale");

      Http.Response policeOnOpen =
          commission.post(
              open + "/avis", "{\"body\": \"surete-nationale\", \"verdict\": \"FAVORABLE\"}");
      assertThat(policeOnOpen.status()).as(policeOnOpen.toString()).isBetween(400, 499);
      assertThat(policeOnOpen.body()).contains("not consulted on this dossier");
      ok(
          commission.post(
              closed + "/avis", "{\"body\": \"surete-nationale\", \"verdict\": \"FAVORABLE\"}"));
      // The one body asked on the open dossier is its whole round: its avis moves it on.
      JsonNode afterAvis =
          ok(
              commission.post(
                  open + "/avis", "{\"body\": \"autorite-locale\", \"verdict\": \"FAVORABLE\"}"));
      assertThat(afterAvis.path("state").asText()).isEqualTo("attente-signature");
    }
  }

  /** The example's tournage procedure, compiled against this build's API and zipped. */
  private static Path tournagePlugin(Path root, Path work) throws IOException {
    Path example = root.resolve("docs/examples/vendor-plugin/src/main");
    Map<String, String> sources = new HashMap<>();
    for (String file : List.of("AutorisationDeTournage.java", "package-info.java")) {
      sources.put(
          "ma/exemple/tournage/" + file,
          Files.readString(example.resolve("java/ma/exemple/tournage/" + file)));
    }
    return PluginZips.build(
        Files.createDirectories(work.resolve("build")),
        PLUGIN,
        "1.0.0",
        ">=0.1.0",
        sources,
        Map.of(
            "tournage/procedure.yaml",
            Files.readString(example.resolve("resources/tournage/procedure.yaml"))));
  }

  private static String deposit(Http applicant, String values, List<String> documents) {
    String id =
        created(
                applicant.post(
                    "api/tenants/" + T + "/dossiers",
                    "{\"procedure\": \""
                        + PROCEDURE
                        + "\", \"applicantName\": \"Salma Idrissi\", \"contactEmail\":"
                        + " \"salma@example.ma\", \"language\": \"fr\", \"values\": "
                        + values
                        + "}"))
            .path("id")
            .asText();
    String base = "api/tenants/" + T + "/dossiers/" + id;
    for (String document : documents) {
      created(
          applicant.upload(
              base + "/attachments?document=" + document, document + ".pdf", DossierIT.pdf(1_500)));
    }
    created(
        applicant.send(
            applicant
                .request(base + "/submission")
                .header("Idempotency-Key", "k-" + id)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
    return base;
  }

  private static JsonNode accept(Http guichet, String base) {
    return ok(guichet.post(base + "/actions/accepter", "{}"));
  }

  private static List<String> bodies(JsonNode dossier) {
    List<String> bodies = new ArrayList<>();
    dossier.path("avis").forEach(a -> bodies.add(a.path("body").asText()));
    return bodies;
  }

  private static String receiptText(Http applicant, String base) throws IOException {
    HttpResponse<byte[]> receipt =
        applicant.sendBytes(applicant.request(base + "/receipt").GET().build());
    assertThat(receipt.statusCode()).isEqualTo(200);
    // The French side of the page: without the Arabic labels, the French reads back as drawn.
    try (PDDocument document = Loader.loadPDF(receipt.body())) {
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      stripper.addRegion(
          "french",
          new Rectangle2D.Float(
              0, 0, PDRectangle.A4.getWidth() * 2 / 3, PDRectangle.A4.getHeight()));
      stripper.extractRegions(document.getPage(0));
      return stripper.getTextForRegion("french");
    }
  }

  private static Http account(Http http, Http admin, String username, String role, String tenant) {
    String grant =
        tenant == null
            ? "{\"role\": \"" + role + "\"}"
            : "{\"role\": \"" + role + "\", \"tenant\": \"" + tenant + "\"}";
    created(
        admin.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \""
                + username
                + "\", \"password\": \""
                + PASSWORD
                + "\", \"grants\": ["
                + grant
                + "]}"));
    return http.signIn(username, PASSWORD);
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static void awaitReady(PayaraProcess server) throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      try {
        if (server.http().get("health/ready").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // listener still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not ready:\n" + server.tail());
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
