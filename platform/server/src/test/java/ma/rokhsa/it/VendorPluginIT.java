package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import ma.rokhsa.it.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The vendor's path, end to end: the example plugin project of {@code docs/examples/vendor-plugin}
 * is copied out of the repository, built by Maven in its own process against a local repository
 * holding only the public artifacts of this build (plugin API, definitions reader, testkit, with
 * their installed POMs), passes its contract tests, and its zip, signed by a trusted vendor, is
 * installed into a running platform, which then offers the procedure.
 *
 * <p>Third-party artifacts come read-only from the outer build's local repository ({@code
 * maven.repo.local.tail}), offline: the nested build downloads nothing, and a Rokhsa artifact that
 * is not public (or a POM that still needs the Rokhsa parent) cannot be found.
 */
class VendorPluginIT {

  static final String PROCEDURE = "enseigne-publicitaire";

  /** The example's second procedure, which uses the format's newer features. */
  static final String TOURNAGE = "autorisation-de-tournage";

  static final String CASABLANCA = "06.141.01.0";

  /** The contract tests every procedure plugin inherits from ProcedureContract. */
  static final int CONTRACT_TESTS = 6;

  static final TestVendors VENDOR = TestVendors.named("Editeur exemple");

  @Test
  void aPluginBuiltOutsideTheRepositoryPassesItsContractAndLoads() throws Exception {
    Path root = Path.of(System.getProperty("rokhsa.root", "../..")).toAbsolutePath().normalize();
    Path workspace = Files.createTempDirectory("rokhsa-vendor-");
    try {
      assertThat(workspace.toRealPath().startsWith(root.toRealPath()))
          .as("the vendor works outside the repository")
          .isFalse();
      Path project = workspace.resolve("enseigne-publicitaire");
      copyTree(root.resolve("docs/examples/vendor-plugin"), project, "target");
      Path repository = workspace.resolve("m2");
      Path published = Path.of(System.getProperty("rokhsa.it.vendor-repository"));
      assertPublishedPomsStandAlone(published);
      copyTree(published, repository, null);

      Path zip = buildLikeAVendor(root, project, repository);
      assertContractTestsPassed(
          project.resolve("target/surefire-reports"),
          "ma.exemple.enseigne.EnseignePublicitaireTest");
      assertContractTestsPassed(
          project.resolve("target/surefire-reports"),
          "ma.exemple.tournage.AutorisationDeTournageTest");
      try (ZipFile plugin = new ZipFile(zip.toFile())) {
        assertThat(plugin.stream().map(ZipEntry::getName))
            .contains(
                "plugin.properties",
                "classes/procedure.yaml",
                "classes/META-INF/extensions.idx",
                "classes/ma/exemple/enseigne/EnseignePublicitaire.class",
                "classes/tournage/procedure.yaml",
                "classes/ma/exemple/tournage/AutorisationDeTournage.class")
            .noneMatch(name -> name.startsWith("lib/"));
      }

      installIntoARunningPlatform(root, workspace, zip);
    } finally {
      deleteTree(workspace);
    }
  }

  /**
   * The POMs installed for vendors need nothing of the Rokhsa reactor: no parent, and every
   * dependency with its version.
   */
  private static void assertPublishedPomsStandAlone(Path published) throws Exception {
    List<Path> poms;
    try (Stream<Path> walk = Files.walk(published)) {
      poms = walk.filter(p -> p.toString().endsWith(".pom")).sorted().toList();
    }
    assertThat(poms.stream().map(p -> p.getFileName().toString().replaceAll("-\\d.*", "")))
        .containsExactlyInAnyOrder(
            "rokhsa-plugin-api", "rokhsa-procedure-definitions", "rokhsa-testkit");
    for (Path pom : poms) {
      Document document = xml(pom);
      assertThat(document.getElementsByTagName("parent").getLength())
          .as("%s has no parent", pom.getFileName())
          .isZero();
      var dependencies = document.getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        assertThat(dependency.getElementsByTagName("version").getLength())
            .as("%s: a version for %s", pom.getFileName(), dependency.getTextContent().trim())
            .isEqualTo(1);
      }
    }
  }

  /** {@code mvn verify} in the copied project, offline, in its own process; returns the zip. */
  private static Path buildLikeAVendor(Path root, Path project, Path repository)
      throws IOException, InterruptedException {
    Path log = project.resolveSibling("build.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-o",
                "-f",
                project.resolve("pom.xml").toString(),
                "verify",
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + System.getProperty("rokhsa.it.maven-repository"),
                "-Drokhsa.version=" + System.getProperty("rokhsa.version")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The outer build's MAVEN_ARGS (CI sets some, perhaps its own maven.repo.local) are not the
    // vendor's; the same JDK runs both.
    builder.environment().remove("MAVEN_ARGS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    if (!maven.waitFor(15, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError("the vendor's build did not end:\n" + Files.readString(log));
    }
    keep(log);
    assertThat(maven.exitValue())
        .as("the vendor's build, against the public artifacts only:\n%s", Files.readString(log))
        .isZero();
    Path zip = project.resolve("target/" + PROCEDURE + "-1.0.0.zip");
    assertThat(zip).exists();
    return zip;
  }

  private static void assertContractTestsPassed(Path reports, String testClass) throws Exception {
    Path report = reports.resolve("TEST-" + testClass + ".xml");
    assertThat(report).as("the contract tests ran").exists();
    Element suite = xml(report).getDocumentElement();
    assertThat(Integer.parseInt(suite.getAttribute("tests"))).isGreaterThan(CONTRACT_TESTS);
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    List<String> ran = new ArrayList<>();
    var cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      ran.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertThat(ran)
        .contains(
            "definitionLoads",
            "examplesAreJudgedAsDeclared",
            "workflowIsSound",
            "feesAreComputedForValidExamples",
            "templateRendersInBothLanguages",
            "textsAreInBothLanguages");
  }

  private static void installIntoARunningPlatform(Path root, Path workspace, Path zip)
      throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "vendor");
    Files.createDirectories(dir);
    Path plugins = Files.createDirectories(workspace.resolve("plugins"));
    Path tenantConfig = workspace.resolve("tenant-config");
    copyTree(root.resolve("tenant-config"), tenantConfig, null);
    enableEverywhere(tenantConfig.resolve("national.yaml"));

    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_PLUGINS_DIR", plugins.toString());
    env.put("ROKHSA_TENANT_CONFIG_DIR", tenantConfig.toString());
    env.put(
        "ROKHSA_PLUGINS_TRUST_ANCHORS",
        VENDOR.trustAnchors(workspace.resolve("anchors.pem")).toString());
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    Path data = Files.createTempDirectory(dir, "data-");
    try (PayaraProcess server = PayaraProcess.start("vendor", data, env)) {
      awaitReady(server);
      Http admin = server.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));
      assertThat(procedureIds(admin.get("api/tenants/" + CASABLANCA + "/procedures")))
          .as("enabled in tenant-config/, but no plugin offers it yet")
          .doesNotContain(PROCEDURE);

      Http.Response installed =
          admin.send(
              admin
                  .request("api/admin/plugins")
                  .header("Content-Type", "application/zip")
                  .header("Plugin-Signature", VENDOR.sign(zip))
                  .POST(HttpRequest.BodyPublishers.ofFile(zip))
                  .build());
      assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
      assertThat(installed.json().path("id").asText()).isEqualTo(PROCEDURE);
      assertThat(installed.json().path("state").asText()).isEqualTo("STARTED");

      JsonNode procedure =
          StreamSupport.stream(ok(admin.get("api/admin/procedures")).spliterator(), false)
              .filter(p -> p.path("id").asText().equals(PROCEDURE))
              .findFirst()
              .orElseThrow(() -> new AssertionError(PROCEDURE + " is not listed"));
      assertThat(procedure.path("version").asText()).isEqualTo("1.0.0");
      assertThat(procedure.path("pluginVersion").asText()).isEqualTo("1.0.0");
      assertThat(procedure.path("nameFr").asText())
          .isEqualTo("Autorisation d'installation d'une enseigne");
      assertThat(procedure.path("nameAr").asText()).isEqualTo("رخصة تثبيت لافتة إشهارية");

      assertThat(procedureIds(admin.get("api/tenants/" + CASABLANCA + "/procedures")))
          .as("the commune offers both of the plugin's procedures now")
          .contains(PROCEDURE, TOURNAGE);
    }
  }

  /** Adds the vendor's procedure to the national defaults of a copy of tenant-config/. */
  private static void enableEverywhere(Path national) throws IOException {
    String yaml = Files.readString(national, StandardCharsets.UTF_8);
    String last = "    - occupation-domaine-public\n";
    assertThat(yaml).as("the national procedures list").contains(last);
    Files.writeString(
        national,
        yaml.replace(last, last + "    - " + PROCEDURE + "\n    - " + TOURNAGE + "\n"),
        StandardCharsets.UTF_8);
  }

  private static List<String> procedureIds(Http.Response response) {
    return StreamSupport.stream(ok(response).spliterator(), false)
        .map(p -> p.path("id").asText())
        .toList();
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

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** Keeps the nested build's log with the other integration-test output. */
  private static void keep(Path log) throws IOException {
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), "vendor"));
    Files.copy(log, dir.resolve("vendor-build.log"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyTree(Path from, Path to, String skipDirectory) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path relative = from.relativize(source);
        if (skipDirectory != null
            && relative.getNameCount() > 0
            && relative.getName(0).toString().equals(skipDirectory)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** Best effort: a temporary directory left behind must not hide the test's own outcome. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException leftBehind) {
      System.err.println("could not delete " + dir + ": " + leftBehind);
    }
  }
}
