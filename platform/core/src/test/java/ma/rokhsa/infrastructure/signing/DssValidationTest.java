package ma.rokhsa.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EU's DSS library (the reference PAdES validator, {@code eu.europa.ec.joinup.sd-dss} 6.3),
 * offline, with the test root as its only trust anchor: every certificate and revocation status
 * comes from the document (its CMS and DSS dictionary). It runs in a JVM of its own with the
 * BouncyCastle it was released with (1.81, copied to {@code target/dss-bouncycastle} by the build):
 * on the platform's 1.87 it cannot parse any PDF signature whose {@code /Contents} is zero-padded,
 * as they all are.
 */
class DssValidationTest {

  @TempDir static Path work;
  private final SigningFixture fixture = SigningFixture.get();

  @Test
  void bothSignaturesAreTotalPassedAtPadesBaselineLt() throws Exception {
    List<String[]> signatures = dss(fixture.signedTwice, "signed.pdf");

    assertThat(signatures).hasSize(2);
    assertThat(signatures)
        .allSatisfy(
            line -> {
              assertThat(line[2]).isEqualTo("TOTAL_PASSED");
              assertThat(line[4]).isEqualTo("PAdES-BASELINE-LT");
            });
  }

  @Test
  void oneChangedByteFailsBothSignatures() throws Exception {
    List<String[]> signatures =
        dss(SignedFiles.oneByteChanged(fixture.signedTwice), "tampered.pdf");

    assertThat(signatures).hasSize(2);
    assertThat(signatures).allSatisfy(line -> assertThat(line[2]).isEqualTo("TOTAL_FAILED"));
  }

  private List<String[]> dss(byte[] pdf, String name) throws Exception {
    Path file = SignedFiles.write(work, name, pdf);
    Path root = SignedFiles.write(work, "root.der", fixture.ca.rootCertificate().getEncoded());
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classPath(),
                DssCli.class.getName(),
                file.toString(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<String[]> signatures = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("SIGNATURE ")) {
        signatures.add(line.split(" "));
      }
    }
    assertThat(signatures).as(output).isNotEmpty();
    return signatures;
  }

  /** This test's class path, with DSS's own BouncyCastle instead of the platform's. */
  private static String classPath() throws Exception {
    Path dssBouncyCastle = Path.of("target", "dss-bouncycastle");
    assertThat(dssBouncyCastle)
        .as("the build copies DSS's BouncyCastle there (mvn generate-test-resources)")
        .isDirectory();
    // DSS's BouncyCastle first: a jar of the reactor may still bring the platform's through its
    // manifest's Class-Path (the plugin signer's does), and the first class found wins.
    List<String> entries = new ArrayList<>();
    try (Stream<Path> jars = Files.list(dssBouncyCastle)) {
      jars.map(path -> path.toAbsolutePath().toString()).sorted().forEach(entries::add);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("org" + File.separator + "bouncycastle")) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
