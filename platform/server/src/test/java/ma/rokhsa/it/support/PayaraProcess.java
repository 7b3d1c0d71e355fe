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
    try {
      PayaraProcess server = launch(name, dataDir, env, war, freePort());
      server.awaitBoot();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Launches the platform on {@code port} and returns at once, while it starts: for tests of what
   * clients see before it is ready. {@link #awaitBoot()} waits for it.
   */
  public static PayaraProcess launch(
      String name, Path dataDir, Map<String, String> env, Path war, int port) {
    Path workDir = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data")).resolve(name);
    try {
      Files.createDirectories(workDir);
      Path log = workDir.resolve("server-" + Instant.now().toEpochMilli() + ".log");
      // Started by the launcher operators and `./mvnw -Prun` use, which owns Payara's unpack
      // directory: one per data directory, kept across restarts as -Prun keeps it.
      List<String> command = new ArrayList<>();
      command.add(launcher().toString());
      command.add("-Drokhsa.data.dir=" + dataDir.toAbsolutePath());
      // The node's own address, unless the test gives the one address its nodes share (a
      // balancer's): tokens name it as their issuer, so every node of a cluster must agree.
      if (!env.containsKey("ROKHSA_PUBLIC_URL")) {
        command.add("-Drokhsa.public-url=http://127.0.0.1:" + port + "/");
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> environment = new HashMap<>(env);
      environment.put("JAVA_HOME", System.getProperty("java.home"));
      environment.put("ROKHSA_HOME", root().toString());
      environment.put("ROKHSA_PORT", Integer.toString(port));
      environment.put("ROKHSA_HEAP", "512m");
      environment.put("ROKHSA_MICRO_JAR", System.getProperty("payara.microJar"));
      environment.put("ROKHSA_WAR", war.toAbsolutePath().toString());
      environment.put(
          "ROKHSA_RUNTIME_DIR",
          workDir.resolve("runtime-" + dataDir.getFileName()).toAbsolutePath().toString());
      // The shipped plugins are signed with the development key: trust it unless told otherwise.
      environment.putIfAbsent(
          "ROKHSA_PLUGINS_TRUST_ANCHORS", developmentCertificate().toAbsolutePath().toString());
      // …which a production start (demo mode off) refuses unless told that this is a test.
      environment.putIfAbsent("ROKHSA_INSECURE_ACCEPT_DEVELOPMENT_PLUGIN_KEY", "true");
      // The suites sign in as the national admin with its password alone (ADR 0032).
      environment.putIfAbsent("ROKHSA_INSECURE_SECOND_FACTOR_EXEMPT", "admin");
      // The token signing key encrypted in the database, as in production.
      environment.putIfAbsent("ROKHSA_AUTH_TOKEN_KEY_SECRET", "integration-token-key-secret");
      // On PostgreSQL the suite's nodes share one database. A node whose test chooses its mode
      // (demo or not) gets its own, as it has its own H2 files on the default: demo accounts
      // never reach the database the production-mode nodes share, which would refuse to start.
      if (env.containsKey("ROKHSA_DEMO") && !env.containsKey("ROKHSA_DB_URL")) {
        TestDatabase.ownPostgresqlUrl(dataDir)
            .ifPresent(url -> environment.put("ROKHSA_DB_URL", url));
      }
      builder.environment().putAll(environment);
      return new PayaraProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout's root. */
  public static Path root() {
    return Path.of(System.getProperty("rokhsa.root", "../..")).toAbsolutePath().normalize();
  }

  /** {@code platform/server/bin/rokhsa-node}, the launcher of a node. */
  public static Path launcher() {
    return root().resolve("platform/server/bin/rokhsa-node");
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

  /** Kills the server as a crash would ({@code kill -9}: no shutdown hook, nothing flushed). */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The server's log file. */
  public Path logFile() {
    return log;
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

  /** Waits until Payara Micro says it is ready (or fails if the process exits first). */
  public void awaitBoot() {
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

  /**
   * Waits until {@code /health/ready} answers 200 — the application deployed, its database
   * answering — or fails with the end of the log after {@code timeout}.
   */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited before it was ready:\n" + tail());
      }
      try {
        if (http.get("health/ready").status() == 200) {
          return;
        }
      } catch (RuntimeException notListeningYet) {
        // the listener opens once the application is deployed
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("the node is not ready after " + timeout + ":\n" + tail());
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
