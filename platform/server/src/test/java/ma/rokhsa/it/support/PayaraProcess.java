package ma.rokhsa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real platform in its own Payara Micro process, started the way operators start it ({@code
 * java -jar payara-micro.jar --deploy rokhsa.war}), for tests of its life: restarts, clean stops, a
 * database that goes away. Arquillian serves the tests that need only a running server.
 *
 * <p>Whoever starts one stops it: {@link #close()} sends SIGTERM and waits, as Ctrl-C would.
 *
 * <pre>{@code
 * try (PayaraProcess server = PayaraProcess.start("name", dataDir, Map.of())) {
 *   server.http().get("api/version");
 * }
 * }</pre>
 */
public final class PayaraProcess implements AutoCloseable {

  /** 300 s; {@code -Drokhsa.it.boot-timeout-seconds=600} gives more on a machine under load. */
  private static final Duration BOOT_TIMEOUT =
      Duration.ofSeconds(Long.getLong("rokhsa.it.boot-timeout-seconds", 300));

  private final Process process;
  private final Path log;
  private final Http http;

  private PayaraProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
  }

  /**
   * Starts the platform with the given data directory and extra environment, and waits until the
   * server says it is ready (the application may still have failed to deploy: check health).
   */
  public static PayaraProcess start(String name, Path dataDir, Map<String, String> env) {
    return start(name, dataDir, env, Path.of(System.getProperty("rokhsa.war")));
  }

  /** The same, deploying another WAR (the real one with test probes added, for instance). */
  public static PayaraProcess start(String name, Path dataDir, Map<String, String> env, Path war) {
    Path workDir = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data")).resolve(name);
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      Path log = workDir.resolve("server-" + Instant.now().toEpochMilli() + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-Drokhsa.home=" + System.getProperty("rokhsa.root", "."));
      command.add("-Drokhsa.data.dir=" + dataDir.toAbsolutePath());
      command.add("-Drokhsa.public-url=http://127.0.0.1:" + port + "/");
      command.addAll(
          List.of(
              "-jar",
              System.getProperty("payara.microJar"),
              "--deploy",
              war.toAbsolutePath().toString(),
              "--port",
              Integer.toString(port),
              "--nocluster",
              "--prebootcommandfile",
              preBootCommands(),
              "--unpackdir",
              workDir.resolve("payara-" + port).toAbsolutePath().toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> environment = new HashMap<>(env);
      // The shipped plugins are signed with the development key: trust it unless told otherwise.
      environment.putIfAbsent(
          "ROKHSA_PLUGINS_TRUST_ANCHORS", developmentCertificate().toAbsolutePath().toString());
      builder.environment().putAll(environment);
      PayaraProcess server = new PayaraProcess(builder.start(), log, port);
      server.awaitBoot();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Payara commands every start of the server runs first (as {@code -Prun} does). */
  static String preBootCommands() {
    return Path.of(
            System.getProperty(
                "rokhsa.preboot",
                System.getProperty("rokhsa.root", "../..")
                    + "/platform/server/src/main/payara/pre-boot-commands.asadmin"))
        .toAbsolutePath()
        .toString();
  }

  /** The DEVELOPMENT certificate the build signs the shipped plugins with. */
  public static Path developmentCertificate() {
    return Path.of(
            System.getProperty(
                "rokhsa.dev-signing",
                System.getProperty("rokhsa.root", "../..") + "/plugins/src/dev-signing"))
        .resolve("dev-signing-cert.pem");
  }

  public Http http() {
    return http;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the server as Ctrl-C does (SIGTERM, which runs its shutdown hooks) and returns its exit
   * code; fails if it does not stop within a minute.
   */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the server did not stop within 60 s on SIGTERM:\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  /** The last lines of the server's log, for failure messages. */
  public String tail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private void awaitBoot() {
    Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited while starting:\n" + tail());
      }
      if (log().contains("Payara Micro") && log().contains(" ready in ")) {
        return;
      }
      sleep(Duration.ofMillis(250));
    }
    process.destroyForcibly();
    throw new AssertionError("the server did not start within " + BOOT_TIMEOUT + ":\n" + tail());
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A port free at the time of asking. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
