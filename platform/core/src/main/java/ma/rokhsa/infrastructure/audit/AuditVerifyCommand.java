package ma.rokhsa.infrastructure.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.rokhsa.domain.model.audit.ChainVerification;
import ma.rokhsa.infrastructure.persistence.DatabaseUrl;

/**
 * {@code rokhsa-audit-verify}: verifies every tenant's audit chain straight from the database,
 * without the application server, and exits 0 when all are intact, 1 when one is broken (naming the
 * tenant and the sequence of its first bad entry), 2 when it could not verify.
 *
 * <p>The database is found as the platform finds it: {@code ROKHSA_DB_URL} ({@code embedded}, the
 * default, is the H2 files under {@code ROKHSA_DATA_DIR}, itself under {@code ROKHSA_HOME}), {@code
 * ROKHSA_DB_USER} and {@code ROKHSA_DB_PASSWORD}; {@code --url} and {@code --user} override the
 * first two. The password is never taken from the command line.
 *
 * <p>{@code --write-checkpoint FILE} writes, once every chain is verified intact, an {@link
 * AuditCheckpoint} (each chain's last sequence and hash) for the operator to sign, time-stamp and
 * keep; {@code --checkpoint FILE} then also checks that every chain still holds what it saw, which
 * detects a rewrite by SQL that kept the links and the head consistent.
 */
public final class AuditVerifyCommand {

  static final int INTACT = 0;
  static final int BROKEN = 1;
  static final int FAILED = 2;

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String url = env.getOrDefault("ROKHSA_DB_URL", DatabaseUrl.EMBEDDED);
    String user = env.getOrDefault("ROKHSA_DB_USER", "rokhsa");
    Optional<String> tenant = Optional.empty();
    Optional<Path> checkpoint = Optional.empty();
    Optional<Path> newCheckpoint = Optional.empty();
    Optional<Path> sealKey = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.println(USAGE);
        return INTACT;
      }
      if (i + 1 >= args.length
          || !List.of(
                  "--url", "--user", "--tenant", "--checkpoint", "--write-checkpoint", "--seal-key")
              .contains(option)) {
        err.println("rokhsa-audit-verify: unknown or incomplete option '" + option + "'");
        err.println(USAGE);
        return FAILED;
      }
      String value = args[++i];
      switch (option) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--checkpoint" -> checkpoint = Optional.of(Path.of(value));
        case "--write-checkpoint" -> newCheckpoint = Optional.of(Path.of(value));
        case "--seal-key" -> sealKey = Optional.of(Path.of(value));
        default -> tenant = Optional.of(value);
      }
    }
    Path home = Path.of(env.getOrDefault("ROKHSA_HOME", "."));
    Path dataDir = home.resolve(env.getOrDefault("ROKHSA_DATA_DIR", "data"));
    DatabaseUrl database;
    try {
      database = DatabaseUrl.of(url, dataDir);
      database.kind();
    } catch (IllegalArgumentException e) {
      err.println("rokhsa-audit-verify: " + e.getMessage());
      return FAILED;
    }
    if (newCheckpoint.isPresent() && Files.exists(newCheckpoint.get())) {
      err.println("rokhsa-audit-verify: " + newCheckpoint.get() + " exists: checkpoints are kept");
      return FAILED;
    }
    if (sealKey.isPresent() && checkpoint.isEmpty()) {
      err.println("rokhsa-audit-verify: --seal-key checks the seal of a --checkpoint FILE");
      return FAILED;
    }
    Optional<AuditCheckpoint> against = Optional.empty();
    try {
      if (checkpoint.isPresent() && sealKey.isPresent()) {
        Path signature = checkpoint.get().resolveSibling(sealName(checkpoint.get()));
        boolean sound =
            ma.rokhsa.infrastructure.security.AuditSeal.verifies(
                ma.rokhsa.infrastructure.security.AuditSeal.readPem(
                    Files.readString(sealKey.get(), StandardCharsets.US_ASCII)),
                Files.readAllBytes(checkpoint.get()),
                Files.readAllBytes(signature));
        if (!sound) {
          out.println(
              "The checkpoint "
                  + checkpoint.get()
                  + " does NOT bear the seal of "
                  + sealKey.get()
                  + " ("
                  + signature
                  + "): it was changed, or sealed by another key. Nothing is compared.");
          return BROKEN;
        }
        out.println("The checkpoint bears the platform's seal (" + signature + ").");
      }
      if (checkpoint.isPresent()) {
        against = Optional.of(AuditCheckpoint.read(checkpoint.get()));
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("rokhsa-audit-verify: cannot read the checkpoint: " + e.getMessage());
      return FAILED;
    }
    String password = env.getOrDefault("ROKHSA_DB_PASSWORD", "rokhsa");
    out.println("Verifying the audit chains in " + database.redacted());
    try (Connection db = DriverManager.getConnection(database.jdbcUrl(), user, password)) {
      JdbcAuditChains audit = new JdbcAuditChains(db);
      List<ChainVerification> chains = audit.verify(tenant, out::println);
      int status = report(chains, out);
      if (against.isPresent()) {
        status = Math.max(status, compare(audit, against.get(), checkpoint.get(), out));
      }
      if (newCheckpoint.isPresent()) {
        if (status != INTACT) {
          out.println("No checkpoint written: a broken chain is not anchored.");
          return status;
        }
        AuditCheckpoint taken = AuditCheckpoint.of(Instant.now(), chains);
        try (Writer file =
            Files.newBufferedWriter(
                newCheckpoint.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
          taken.write(file, database.redacted());
        }
        out.println(
            "Checkpoint of "
                + taken.marks().size()
                + " chain(s) written to "
                + newCheckpoint.get()
                + ": sign or time-stamp it and keep it outside the database's reach");
      }
      return status;
    } catch (SQLException e) {
      err.println("rokhsa-audit-verify: could not verify: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("rokhsa-audit-verify: could not write the checkpoint: " + e.getMessage());
      return FAILED;
    }
  }

  /**
   * {@code checkpoint-X.txt} is sealed by {@code checkpoint-X.sig}; another name by {@code .sig}.
   */
  static String sealName(Path checkpoint) {
    String name = checkpoint.getFileName().toString();
    return (name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name) + ".sig";
  }

  private static int compare(
      JdbcAuditChains audit, AuditCheckpoint checkpoint, Path file, PrintStream out)
      throws SQLException {
    List<String> differences = audit.compare(checkpoint);
    if (differences.isEmpty()) {
      out.println(
          "MATCHES the checkpoint "
              + file
              + " of "
              + checkpoint.takenAt()
              + ": "
              + checkpoint.marks().size()
              + " chain(s) hold what it saw");
      return INTACT;
    }
    out.println("DIFFERS from the checkpoint " + file + " of " + checkpoint.takenAt() + ":");
    differences.forEach(d -> out.println("  " + d));
    return BROKEN;
  }

  private static int report(List<ChainVerification> chains, PrintStream out) {
    long entries = chains.stream().mapToLong(ChainVerification::entries).sum();
    List<ChainVerification> broken = chains.stream().filter(c -> !c.intact()).toList();
    if (broken.isEmpty()) {
      out.println(
          "INTACT: " + chains.size() + " chain(s), " + entries + " entries, every link verified");
      return INTACT;
    }
    out.println("BROKEN: " + broken.size() + " of " + chains.size() + " chain(s):");
    for (ChainVerification chain : broken) {
      out.println(
          "  tenant "
              + chain.tenant()
              + " sequence "
              + chain.broken().orElseThrow().sequence()
              + " "
              + chain.broken().orElseThrow().fault());
    }
    return BROKEN;
  }

  static final String USAGE =
      """
      usage: rokhsa-audit-verify [--url JDBC_URL] [--user USER] [--tenant TENANT_ID]
                                 [--checkpoint FILE [--seal-key SEAL.pem]]
                                 [--write-checkpoint NEW_FILE]
        Verifies every tenant's audit chain (or one tenant's) in the platform's database;
        --checkpoint: and that each chain still holds what that checkpoint saw (an entry rewritten
        by SQL, head included, is found); --write-checkpoint: then, if intact, writes a new
        checkpoint (each chain's last sequence and hash) to keep outside the database's reach;
        --seal-key: first checks that FILE bears the platform's seal (FILE's .sig beside it, as
        GET /api/admin/audit/checkpoints/latest and its signature give them), against the
        auditor's pinned copy of GET /api/admin/audit/seal-key.
        Database: ROKHSA_DB_URL (default: embedded, under ROKHSA_HOME/ROKHSA_DATA_DIR),
        ROKHSA_DB_USER, ROKHSA_DB_PASSWORD (environment only).
        Exit status: 0 every chain intact, 1 a chain is broken, 2 could not verify.""";
}
