package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.StreamSupport;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.PluginZips;
import ma.rokhsa.it.support.TestDatabase;
import ma.rokhsa.it.support.TestVendors;
import org.junit.jupiter.api.Test;

/**
 * The plugin host on a real server, with real zips: the shipped permis de construire (signed by the
 * build's development key) next to plugins that throw at start, throw when asked for their
 * definition, ship a broken definition, or require another plugin API, and shipped zips with no or
 * a wrong signature. The platform stays healthy, the faulty ones are marked with their reason, the
 * good one works. After a restart, an installed zip tampered in the database and plugins of a
 * vendor no longer trusted are refused.
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
    Files.copy(signatureOf(shipped), plugins.resolve("permis-de-construire.zip.p7s"));
    // Shipped zips without their signature, and with another zip's.
    Path shippedDir = shipped.getParent();
    Files.copy(shippedDir.resolve("permis-d-habiter.zip"), plugins.resolve("permis-d-habiter.zip"));
    Files.copy(
        shippedDir.resolve("permis-de-demolir.zip"), plugins.resolve("permis-de-demolir.zip"));
    Files.copy(
        signatureOf(shippedDir.resolve("permis-d-habiter.zip")),
        plugins.resolve("permis-de-demolir.zip.p7s"));

    signed(
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
            Map.of()));
    signed(
        PluginZips.build(
            plugins, "needs-api-9", "1.0.0", ">=9.0.0", Map.of(), Map.of("readme.txt", "x")));
    signed(
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
            Map.of()));
    signed(
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
            Map.of("procedure.yaml", "id: broken\nversion: 1.0.0\ncolour: blue\n")));

    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_PLUGINS_DIR", plugins.toString());
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        VENDOR
            .trustAnchors(
                root.resolve(plugins.getFileName() + "-anchors.pem"),
                PayaraProcess.developmentCertificate())
            .toString());
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    Path data = Files.createTempDirectory(root, "data-");
    try (PayaraProcess server = PayaraProcess.start("plugins", data, env)) {
      awaitReady(server);
      Http admin = server.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));

      Map<String, JsonNode> byId = new HashMap<>();
      for (JsonNode plugin : ok(admin.get("api/admin/plugins"))) {
        byId.put(plugin.path("id").asText(), plugin);
      }
      // On PostgreSQL every test class shares one database: plugins that other classes installed
      // through the API (VendorPluginIT's example, DossierIT's upgrade and the version it keeps)
      // are loaded here too. They are theirs to check.
      byId.keySet().removeIf(id -> id.contains("@") || id.equals("enseigne-publicitaire"));
      assertThat(byId)
          .containsOnlyKeys(
              "permis-de-construire",
              "throws-at-start",
              "needs-api-9",
              "throws-in-definition",
              "broken-definition",
              "permis-d-habiter",
              "permis-de-demolir");
      assertThat(byId.get("permis-de-construire").path("state").asText()).isEqualTo("STARTED");
      assertThat(byId.get("permis-d-habiter").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("permis-d-habiter").path("reason").asText())
          .contains("shipped zip permis-d-habiter.zip refused")
          .contains("not signed");
      assertThat(byId.get("permis-de-demolir").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("permis-de-demolir").path("reason").asText()).contains("does not match");
      assertThat(server.log()).contains("DEVELOPMENT SIGNING KEY TRUSTED — never in production");
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

      Path work = Files.createTempDirectory(root, "again-");
      assertThat(
              created(upload(admin, "POST", "api/admin/plugins", attestation(work, "1.0.0", false)))
                  .path("state")
                  .asText())
          .isEqualTo("STARTED");
    }

    // While the platform is stopped, someone rewrites the installed zip in the database (and its
    // SHA-256), and the operator no longer trusts the test vendor: only the development key.
    tamperInstalledZip(data, "attestation-essai");
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        PayaraProcess.developmentCertificate().toAbsolutePath().toString());
    try (PayaraProcess server = PayaraProcess.start("plugins", data, env)) {
      awaitReady(server);
      Http admin = server.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));

      Map<String, JsonNode> byId = new HashMap<>();
      for (JsonNode plugin : ok(admin.get("api/admin/plugins"))) {
        byId.put(plugin.path("id").asText(), plugin);
      }
      assertThat(byId.get("attestation-essai").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("attestation-essai").path("reason").asText())
          .contains("installed zip refused")
          .contains("does not match");
      assertThat(byId.get("throws-at-start").path("state").asText()).isEqualTo("FAILED");
      assertThat(byId.get("throws-at-start").path("reason").asText()).contains("not trusted");
      assertThat(byId.get("permis-de-construire").path("state").asText()).isEqualTo("STARTED");
      assertThat(procedureIds(admin)).containsExactly("permis-de-construire");
      assertThat(server.http().get("health/ready").status()).isEqualTo(200);

      assertThat(
              admin
                  .send("DELETE", "api/admin/plugins/attestation-essai", "application/json", "")
                  .status())
          .as("a refused installed plugin can be removed")
          .isEqualTo(204);
      assertThat(StreamSupport.stream(ok(admin.get("api/admin/plugins")).spliterator(), false))
          .noneMatch(plugin -> plugin.path("id").asText().equals("attestation-essai"));
    }
  }

  /** The shipped zip's signature, made by the build. */
  private static Path signatureOf(Path zip) {
    Path signature = zip.resolveSibling(zip.getFileName() + ".p7s");
    assertThat(signature).as("the build signs every shipped plugin").isRegularFile();
    return signature;
  }

  /** Writes the zip's signature by the trusted test vendor beside it. */
  private static Path signed(Path zip) {
    VENDOR.signBeside(zip);
    return zip;
  }

  /** Flips a byte of an installed zip in the database, and records the new bytes' SHA-256. */
  private static void tamperInstalledZip(Path data, String pluginId) throws Exception {
    try (Connection db = TestDatabase.connect(data)) {
      byte[] content;
      try (PreparedStatement read =
          db.prepareStatement("select content from plugin_archive where plugin_id = ?")) {
        read.setString(1, pluginId);
        try (ResultSet row = read.executeQuery()) {
          assertThat(row.next()).isTrue();
          content = row.getBytes(1);
        }
      }
      content[content.length / 2] ^= 1;
      try (PreparedStatement write =
          db.prepareStatement(
              "update plugin_archive set content = ?, sha256 = ? where plugin_id = ?")) {
        write.setBytes(1, content);
        write.setString(
            2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        write.setString(3, pluginId);
        assertThat(write.executeUpdate()).isEqualTo(1);
      }
    }
  }

  /** A minimal, valid procedure of the given version, offered by a plugin whose start may throw. */
  static Path attestation(Path dir, String version, boolean startThrows) throws IOException {
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

    // An upgrade by another vendor (trusted, but not the one of the installed version) is refused
    // unless an operator accepts the change, which the audit chain then says.
    Path otherVendors = attestation(work, "1.3.0", false);
    Http.Response takenOver =
        upload(
            admin,
            "PUT",
            "api/admin/plugins/attestation-essai",
            otherVendors,
            ma.rokhsa.it.support.TrustedSigner.sign(otherVendors));
    assertThat(takenOver.status()).as("another signer").isEqualTo(409);
    assertThat(takenOver.json().path("detail").asText())
        .contains("Editeur de confiance")
        .contains("acceptSignerChange");
    assertThat(version(admin, "attestation-essai")).isEqualTo("1.1.0");
    assertThat(
            upload(
                    admin,
                    "PUT",
                    "api/admin/plugins/attestation-essai?acceptSignerChange=maybe",
                    otherVendors,
                    ma.rokhsa.it.support.TrustedSigner.sign(otherVendors))
                .status())
        .isEqualTo(400);
    JsonNode accepted =
        ok(
            upload(
                admin,
                "PUT",
                "api/admin/plugins/attestation-essai?acceptSignerChange=true",
                otherVendors,
                ma.rokhsa.it.support.TrustedSigner.sign(otherVendors)));
    assertThat(accepted.path("version").asText()).isEqualTo("1.3.0");
    assertThat(
            ok(admin.get("api/admin/audit?subjectType=plugin&subjectId=attestation-essai"))
                .toString())
        .contains("new signer accepted")
        .contains("Editeur de confiance");

    // A plugin id that would name a path outside the plugins directory never reaches the disk.
    Path escaping = work.resolve("escaping.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(escaping))) {
      out.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
      out.write("plugin.id=../../evil\nplugin.version=1.0.0\n".getBytes());
      out.closeEntry();
    }
    Http.Response escaped = upload(admin, "POST", "api/admin/plugins", escaping);
    assertThat(escaped.status()).isEqualTo(400);
    assertThat(escaped.json().path("detail").asText()).contains("plugin.id");

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

  static Http.Response upload(Http admin, String method, String path, Path zip) throws IOException {
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

  static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  static void awaitReady(PayaraProcess server) throws InterruptedException {
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

  static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
