package ma.rokhsa.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a validator that no one here wrote. A missing tool FAILS the test (never skips it): CI
 * installs poppler-utils and libnss3-tools ({@code .ci/run}); so must a developer.
 */
final class ExternalTools {

  record Run(int exitCode, String output) {}

  private ExternalTools() {}

  static Run run(Path directory, String... command) throws IOException, InterruptedException {
    requireInstalled(command[0]);
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  static void requireInstalled(String tool) {
    boolean found =
        List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    assertThat(found)
        .as(
            tool
                + " is needed by this test and is not installed:"
                + " apt-get install -y poppler-utils libnss3-tools openssl")
        .isTrue();
  }
}
