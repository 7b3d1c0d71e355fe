package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.PluginZips;
import ma.rokhsa.it.support.TestVendors;
import org.junit.jupiter.api.Test;

/**
 * The plugin host on a real server, with real zips: the shipped permis de construire next to
 * plugins that throw at start, throw when asked for their definition, ship a broken definition, or
 * require another plugin API. The platform stays healthy, the faulty ones are marked with their
 * reason, the good one works.
 */
class PluginsIT {

  /** The vendor whose certificate the server trusts, and one it does not. */
  static final TestVendors VENDOR = TestVendors.named("Editeur de confiance");

  static final TestVendors STRANGER = TestVendors.named("Inconnu");

  @Test
  void faultyAndIncompatiblePluginsNeverTakeThePlatformDown() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "plugins");
    Files.createDirectories(root);
    Path plugins = Files.createTempDirectory(root, "plugins-");
    Path shipped =
        Path.of(System.getProperty("rokhsa.root", "../.."))
            .resolve("plugins/permis-de-construire.zip");
    Files.copy(shipped, plugins.resolve("permis-de-construire.zip"));

    PluginZips.build(
        plugins,
        "throws-at-start",
        "1.0.0",
        ">=0.1.0",
        "acme.ThrowsAtStart",
        Map.of(
            "acme/ThrowsAtStart.java",
            """
            package acme;
            public class ThrowsAtStart extends org.pf4j.Plugin {
              @Override public void start() { throw new IllegalStateException("no licence server"); }
            }
            """),
        Map.of());
    PluginZips.build(
        plugins, "needs-api-9", "1.0.0", ">=9.0.0", Map.of(), Map.of("readme.txt", "x"));
    PluginZips.build(
        plugins,
        "throws-in-definition",
        "1.0.0",
        ">=0.1.0",
        Map.of(
            "acme/Throwing.java",
            """
            package acme;
            import ma.rokhsa.plugin.api.procedure.*;
            @org.pf4j.Extension
            public class Throwing implements ProcedureProvider {
              public ProcedureDefinition definition(DefinitionLoader loader) {
                throw new IllegalStateException("definition server unreachable");
              }
            }
            """),
        Map.of());
    PluginZips.build(
        plugins,
        "broken-definition",
        "1.0.0",
        ">=0.1.0",
        Map.of(
            "acme/Broken.java",
            """
            package acme;
            import ma.rokhsa.plugin.api.procedure.*;
            @org.pf4j.Extension
            public class Broken implements ProcedureProvider {
              public ProcedureDefinition definition(DefinitionLoader loader) {
                return loader.load("procedure.yaml");
              }
            }
            """),
        Map.of("procedure.yaml", "id: broken\nversion: 1.0.0\ncolour: blue\n"));

    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_PLUGINS_DIR", plugins.toString());
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        VENDOR.trustAnchors(root.resolve(plugins.getFileName() + "-anchors.pem")).toString());
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    Path data = Files.createTempDirectory(root, "data-");
    try (PayaraProcess server = PayaraProcess.start("plugins", data, env)) {
      awaitReady(server);
      Http admin = server.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));

      Map<String, JsonNode> byId = new HashMap<>();
      for (JsonNode plugin : ok(admin.get("api/admin/plugins"))) {
        byId.put(plugin.path("id").asText(), plugin);
      }
      assertThat(byId)
          .containsOnlyKeys(
              "permis-de-construire",
              "throws-at-start",
              "needs-api-9",
              "throws-in-definition",
              "broken-definition");
      assertThat(byId.get("permis-de-construire").path("state").asText()).isEqualTo("STARTED");
      assertThat(byId.get("permis-de-construire").path("procedures").get(0).asText())
          .isEqualTo("permis-de-construire");
      assertThat(byId.get("throws-at-start").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("throws-at-start").path("reason").asText()).contains("no licence server");
      assertThat(byId.get("needs-api-9").path("state").asText()).isEqualTo("DISABLED");
      assertThat(byId.get("needs-api-9").path("reason").asText()).contains(">=9.0.0");
      assertThat(byId.get("throws-in-definition").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("throws-in-definition").path("reason").asText())
          .contains("definition server unreachable");
      assertThat(byId.get("broken-definition").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("broken-definition").path("reason").asText())
          .contains("procedure.yaml:")
          .contains("colour");

      assertThat(
              StreamSupport.stream(ok(admin.get("api/admin/procedures")).spliterator(), false)
                  .map(p -> p.path("id").asText()))
          .containsExactly("permis-de-construire");
      assertThat(server.http().get("health/ready").status()).isEqualTo(200);
      assertThat(server.log()).contains("throws-at-start").contains("no licence server");

      installUpgradeDisableAndRemoveWithoutRestart(admin, root);
    }
  }

  /** A minimal, valid procedure of the given version, offered by a plugin whose start may throw. */
  private static Path attestation(Path dir, String version, boolean startThrows)
      throws IOException {
    Path build = Files.createTempDirectory(dir, "attestation-");
    return PluginZips.build(
        build,
        "attestation-essai",
        version,
        ">=0.1.0",
        startThrows ? "acme.Failing" : null,
        Map.of(
            "acme/Attestation.java",
                """
                package acme;
                import ma.rokhsa.plugin.api.procedure.*;
                @org.pf4j.Extension
                public class Attestation implements ProcedureProvider {
                  public ProcedureDefinition definition(DefinitionLoader loader) {
                    return loader.load("procedure.yaml");
                  }
                }
                """,
            "acme/Failing.java",
                """
                package acme;
                public class Failing extends org.pf4j.Plugin {
                  @Override public void start() { throw new IllegalStateException("broken upgrade"); }
                }
                """),
        Map.of(
            "procedure.yaml",
            """
            id: attestation-essai
            version: %s
            name: {fr: Attestation d'essai, ar: شهادة تجريبية}
            tenant-kinds: [URBAN_COMMUNE]
            form:
              sections:
                - id: demande
                  label: {fr: Demande, ar: الطلب}
                  fields:
                    - {id: objet, label: {fr: Objet, ar: الموضوع}, type: TEXT, required: true}
            workflow:
              initial: depose
              states:
                - {id: depose, label: {fr: Déposé, ar: مودع}, deadline-working-days: 5}
                - {id: delivre, label: {fr: Délivré, ar: مسلم}, terminal: true}
              transitions:
                - {action: delivrer, from: depose, to: delivre, by: SIGNATORY}
            template: {fr: "Attestation {{reference}} pour {{objet}}", ar: "شهادة {{reference}} بخصوص {{objet}}"}
            """
                .formatted(version)));
  }

  private static void installUpgradeDisableAndRemoveWithoutRestart(Http admin, Path root)
      throws IOException {
    Path work = Files.createTempDirectory(root, "uploads-");
    Path first = attestation(work, "1.0.0", false);
    Path tampered = Files.createTempFile(work, "tampered", ".zip");
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length / 2] ^= 1;
    Files.write(tampered, bytes);
    assertThat(upload(admin, "POST", "api/admin/plugins", first, null).status())
        .as("unsigned")
        .isEqualTo(422);
    Http.Response forged = upload(admin, "POST", "api/admin/plugins", tampered, VENDOR.sign(first));
    assertThat(forged.status()).as("tampered").isEqualTo(422);
    assertThat(forged.json().path("detail").asText()).contains("does not match");
    Http.Response untrusted =
        upload(admin, "POST", "api/admin/plugins", first, STRANGER.sign(first));
    assertThat(untrusted.status()).isEqualTo(422);
    assertThat(untrusted.json().path("detail").asText()).contains("not trusted");
    assertThat(procedureIds(admin))
        .as("nothing of them installed")
        .doesNotContain("attestation-essai");

    JsonNode installed = created(upload(admin, "POST", "api/admin/plugins", first));
    assertThat(installed.path("state").asText()).isEqualTo("STARTED");
    assertThat(version(admin, "attestation-essai")).isEqualTo("1.0.0");
    assertThat(
            upload(admin, "POST", "api/admin/plugins", attestation(work, "1.0.0", false)).status())
        .as("installing it twice")
        .isEqualTo(409);

    JsonNode upgraded =
        ok(
            upload(
                admin,
                "PUT",
                "api/admin/plugins/attestation-essai",
                attestation(work, "1.1.0", false)));
    assertThat(upgraded.path("version").asText()).isEqualTo("1.1.0");
    assertThat(version(admin, "attestation-essai")).isEqualTo("1.1.0");

    Http.Response broken =
        upload(
            admin, "PUT", "api/admin/plugins/attestation-essai", attestation(work, "1.2.0", true));
    assertThat(broken.status()).isEqualTo(409);
    assertThat(broken.json().path("detail").asText())
        .contains("broken upgrade")
        .contains("1.1.0 is back in service");
    assertThat(version(admin, "attestation-essai"))
        .as("the old version serves again")
        .isEqualTo("1.1.0");
    assertThat(
            upload(
                    admin,
                    "PUT",
                    "api/admin/plugins/attestation-essai",
                    attestation(work, "1.0.5", false))
                .status())
        .as("a downgrade")
        .isEqualTo(409);

    assertThat(
            ok(admin.post("api/admin/plugins/attestation-essai/disable", ""))
                .path("state")
                .asText())
        .isEqualTo("DISABLED");
    assertThat(procedureIds(admin)).doesNotContain("attestation-essai");
    assertThat(
            ok(admin.post("api/admin/plugins/attestation-essai/enable", "")).path("state").asText())
        .isEqualTo("STARTED");
    assertThat(procedureIds(admin)).contains("attestation-essai");

    assertThat(
            admin
                .send("DELETE", "api/admin/plugins/attestation-essai", "application/json", "")
                .status())
        .isEqualTo(204);
    assertThat(procedureIds(admin)).doesNotContain("attestation-essai");
    assertThat(
            admin
                .send("DELETE", "api/admin/plugins/permis-de-construire", "application/json", "")
                .status())
        .as("a shipped plugin is disabled, not removed")
        .isEqualTo(409);
    Path notAZip = Files.writeString(work.resolve("not-a-zip.zip"), "not a zip");
    assertThat(upload(admin, "POST", "api/admin/plugins", notAZip, null).status())
        .as("unsigned content is refused before it is read")
        .isEqualTo(422);
    assertThat(upload(admin, "POST", "api/admin/plugins", notAZip).status())
        .as("signed, but not a plugin")
        .isEqualTo(400);
  }

  private static Http.Response upload(Http admin, String method, String path, Path zip)
      throws IOException {
    return upload(admin, method, path, zip, VENDOR.sign(zip));
  }

  private static Http.Response upload(
      Http admin, String method, String path, Path zip, String signature) throws IOException {
    java.net.http.HttpRequest.Builder request =
        admin
            .request(path)
            .header("Content-Type", "application/zip")
            .method(
                method,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(zip)));
    if (signature != null) {
      request.header("Plugin-Signature", signature);
    }
    return admin.send(request.build());
  }

  private static String version(Http admin, String procedure) {
    for (JsonNode p : ok(admin.get("api/admin/procedures"))) {
      if (p.path("id").asText().equals(procedure)) {
        return p.path("version").asText();
      }
    }
    throw new AssertionError("procedure " + procedure + " is not offered");
  }

  private static java.util.List<String> procedureIds(Http admin) {
    return StreamSupport.stream(ok(admin.get("api/admin/procedures")).spliterator(), false)
        .map(p -> p.path("id").asText())
        .toList();
  }

  private static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private static void awaitReady(PayaraProcess server) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
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
}
