package ma.rokhsa.plugins.signature.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PKCS#11 module for the tests: SoftHSM2 (Debian package {@code softhsm2}, installed by
 * {@code .ci/run}), with a fresh token in a directory of this build. Its absence fails the tests:
 * SoftHSM2 signing is exercised in CI, not skipped.
 *
 * <p>The module reads its configuration from the {@code SOFTHSM2_CONF} environment variable when
 * the JVM first loads it; the build sets it for the test JVM (this module's POM) to a file this
 * class writes before any test touches the module.
 */
final class SoftHsm {

  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String USER_PIN = "1234";
  static final String SO_PIN = "5678";
  static final String LABEL = "rokhsa-test";

  private static String slot;

  private SoftHsm() {}

  /** The slot id of a token initialized for this test run (once per JVM). */
  static synchronized String slot() throws IOException, InterruptedException {
    if (slot != null) {
      return slot;
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (!Files.isRegularFile(LIBRARY) || conf == null) {
      throw new IllegalStateException(
          "SoftHSM2 signing is exercised in CI, not skipped: install it (apt-get install -y"
              + " softhsm2) and run the tests through Maven, which sets SOFTHSM2_CONF (missing: "
              + (Files.isRegularFile(LIBRARY) ? "SOFTHSM2_CONF" : LIBRARY)
              + ")");
    }
    Path tokens = Path.of(conf).resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (Stream<Path> old = Files.walk(tokens)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    Process init =
        new ProcessBuilder(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                LABEL,
                "--pin",
                USER_PIN,
                "--so-pin",
                SO_PIN)
            .redirectErrorStream(true)
            .start();
    String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (init.waitFor() != 0) {
      throw new IllegalStateException("softhsm2-util could not make a token: " + output);
    }
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("softhsm2-util did not say the token's slot: " + output);
    }
    slot = m.group(1);
    return slot;
  }
}
