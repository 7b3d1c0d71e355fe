package ma.rokhsa.infrastructure.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.println(USAGE);
        return INTACT;
      }
      if (i + 1 >= args.length || !List.of("--url", "--user", "--tenant").contains(option)) {
        err.println("rokhsa-audit-verify: unknown or incomplete option '" + option + "'");
        err.println(USAGE);
        return FAILED;
      }
      String value = args[++i];
      switch (option) {
        case "--url" -> url = value;
        case "--user" -> user = value;
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
    String password = env.getOrDefault("ROKHSA_DB_PASSWORD", "rokhsa");
    out.println("Verifying the audit chains in " + database.redacted());
    try (Connection db = DriverManager.getConnection(database.jdbcUrl(), user, password)) {
      return report(new JdbcAuditChains(db).verify(tenant, out::println), out);
    } catch (SQLException e) {
      err.println("rokhsa-audit-verify: could not verify: " + e.getMessage());
      return FAILED;
    }
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
        Verifies every tenant's audit chain (or one tenant's) in the platform's database.
        Database: ROKHSA_DB_URL (default: embedded, under ROKHSA_HOME/ROKHSA_DATA_DIR),
        ROKHSA_DB_USER, ROKHSA_DB_PASSWORD (environment only).
        Exit status: 0 every chain intact, 1 a chain is broken, 2 could not verify.""";
}
