package ma.rokhsa.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.rokhsa.domain.model.audit.AuditChain;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.ChainHead;
import ma.rokhsa.domain.model.audit.ChainLink;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's command against a real database: an H2 one in PostgreSQL mode, with the platform's
 * own migrations, written to as the platform writes (the same chain code), then tampered with by
 * SQL.
 */
class AuditVerifyCommandTest {

  static final String CASA = "06.141.01.0";
  static final String RABAT = "04.421.01.0";
  static final String EMPTY = "01.051.01.01";

  private String url;
  private Connection db;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void database() throws SQLException {
    url =
        "jdbc:h2:mem:audit-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "rokhsa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    db = DriverManager.getConnection(url, "rokhsa", "");
    for (String tenant : new String[] {CASA, RABAT, EMPTY}) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into tenant (id, kind, path, name_fr, name_ar, status, theme, procedures,"
                  + " signature_key_quota, version) values (?, 'URBAN_COMMUNE', ?, 'x', 'x',"
                  + " 'ACTIVE', 'default', '', 1, 1)")) {
        insert.setString(1, tenant);
        insert.setString(2, tenant);
        insert.executeUpdate();
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (var statement = db.createStatement()) {
      statement.execute("shutdown");
    }
  }

  @Test
  void intactChainsExitZero() throws SQLException {
    record(CASA, 5);
    record(RABAT, 3);

    assertThat(verify()).as(output()).isZero();
    assertThat(output())
        .contains("tenant 04.421.01.0: intact, 3 entries")
        .contains("tenant 06.141.01.0: intact, 5 entries")
        .as("the national chain of accounts, grants and plugins (V24), empty here")
        .contains("tenant national: intact, 0 entries")
        .contains("INTACT: 3 chain(s), 8 entries");
  }

  @Test
  void anAlteredRowIsNamedByTenantAndSequence() throws SQLException {
    record(CASA, 5);
    record(RABAT, 3);
    update(
        "update audit_entry set detail = 'nothing to see' where tenant_id = ? and sequence_number = 4",
        CASA);

    assertThat(verify()).as(output()).isEqualTo(1);
    assertThat(output())
        .contains("tenant 06.141.01.0: BROKEN at sequence 4 (ALTERED)")
        .contains("tenant 04.421.01.0: intact, 3 entries")
        .contains("  tenant 06.141.01.0 sequence 4 ALTERED");
  }

  @Test
  void aDeletedMiddleRowIsNamed() throws SQLException {
    record(CASA, 5);
    update("delete from audit_entry where tenant_id = ? and sequence_number = 2", CASA);

    assertThat(verify()).as(output()).isEqualTo(1);
    assertThat(output()).contains("tenant 06.141.01.0 sequence 2 REMOVED");
  }

  @Test
  void aTruncatedTailAndAnEmptiedChainAreNamed() throws SQLException {
    record(CASA, 5);
    record(EMPTY, 2);
    update("delete from audit_entry where tenant_id = ? and sequence_number >= 4", CASA);
    update("delete from audit_entry where tenant_id = ?", EMPTY);

    assertThat(verify("--tenant", CASA)).as(output()).isEqualTo(1);
    assertThat(output()).contains("tenant 06.141.01.0 sequence 4 TRUNCATED");
    out.reset();
    assertThat(verify()).as(output()).isEqualTo(1);
    assertThat(output()).contains("tenant 01.051.01.01 sequence 1 TRUNCATED");
  }

  @Test
  void rewritingTheLastThreeEntriesAndTheHeadBySqlIsDetectedAgainstTheCheckpoint(
      @TempDir Path operator) throws Exception {
    record(CASA, 5);
    record(RABAT, 3);
    Path checkpoint = operator.resolve("checkpoint-1.txt");
    assertThat(verify("--write-checkpoint", checkpoint.toString())).as(output()).isZero();
    assertThat(Files.readString(checkpoint))
        .startsWith(AuditCheckpoint.FORMAT)
        .contains(CASA + " 5 ")
        .contains(RABAT + " 3 ")
        .as("an empty chain has nothing to anchor")
        .doesNotContain("national");
    out.reset();
    assertThat(verify("--checkpoint", checkpoint.toString())).as(output()).isZero();
    assertThat(output()).contains("MATCHES the checkpoint");

    // Whoever can write SQL rewrites entries 3 to 5 and the head, every link recomputed with the
    // platform's own chain code: the chain alone looks intact.
    update("delete from audit_entry where tenant_id = ?", CASA);
    update("delete from audit_chain where tenant_id = ?", CASA);
    record(CASA, 5, 3);
    out.reset();
    assertThat(verify()).as(output()).isZero();
    assertThat(output()).contains("tenant 06.141.01.0: intact, 5 entries");

    out.reset();
    assertThat(verify("--checkpoint", checkpoint.toString())).as(output()).isEqualTo(1);
    assertThat(output())
        .contains("DIFFERS from the checkpoint")
        .contains("tenant 06.141.01.0 sequence 5 REWRITTEN")
        .doesNotContain("tenant 04.421.01.0 sequence");

    // Truncating the chain below the checkpoint is found too; a new checkpoint is refused on top
    // of a broken chain, and an existing file is never overwritten.
    update("delete from audit_entry where tenant_id = ? and sequence_number >= 3", RABAT);
    update(
        "update audit_chain set last_sequence = 2, last_hash = (select entry_hash from"
            + " audit_entry where tenant_id = ? and sequence_number = 2) where tenant_id = ?",
        RABAT,
        RABAT);
    out.reset();
    assertThat(verify("--checkpoint", checkpoint.toString())).as(output()).isEqualTo(1);
    assertThat(output()).contains("tenant 04.421.01.0 sequence 3 MISSING");
    out.reset();
    assertThat(verify("--write-checkpoint", checkpoint.toString())).isEqualTo(2);
    Path corrupt = operator.resolve("corrupt.txt");
    Files.writeString(corrupt, AuditCheckpoint.FORMAT + "\n06.141.01.0 five nonsense\n");
    assertThat(verify("--checkpoint", corrupt.toString())).isEqualTo(2);
    assertThat(output()).contains("corrupt.txt:2");
  }

  @Test
  void aCheckpointThePlatformSealedIsCheckedAgainstThePinnedSealThenFindsTheRewrite(
      @TempDir Path auditor) throws Exception {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser("rokhsa");
    ds.setPassword("");
    record(CASA, 5);
    record(RABAT, 3);
    Optional<String> secret = Optional.of("a-platform-secret-for-tests");
    ma.rokhsa.infrastructure.security.AuditSeal seal =
        ma.rokhsa.infrastructure.security.AuditSeal.open(ds, secret);
    Instant now = Instant.parse("2026-12-07T18:00:00Z");
    SealedCheckpoints checkpoints = new SealedCheckpoints(ds, seal, Optional.of(auditor));
    SealedCheckpoints.Sealed sealed =
        checkpoints
            .take(now, new IncrementalChainVerification(ds).pass(now, Duration.ofDays(7)), "node-1")
            .orElseThrow();
    assertThat(checkpoints.latest().orElseThrow().content()).isEqualTo(sealed.content());
    Path txt = auditor.resolve("checkpoint-20261207T180000Z.txt");
    assertThat(txt).hasBinaryContent(sealed.content());
    assertThat(Files.readString(txt)).contains(CASA + " 5 ").contains(RABAT + " 3 ");
    Path pinned = Files.writeString(auditor.resolve("seal.pem"), seal.publicKeyPem());

    // The private key is kept sealed under the secret; another secret cannot open it, and the
    // same one gives the same seal on another node.
    try (var q = db.createStatement();
        var rs = q.executeQuery("select private_key from audit_seal_key")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("enc:v1:");
    }
    assertThatThrownBy(
            () ->
                ma.rokhsa.infrastructure.security.AuditSeal.open(
                    ds, Optional.of("another-secret-entirely")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ma.rokhsa.infrastructure.security.AuditSeal.open(ds, secret).publicKeyPem())
        .isEqualTo(seal.publicKeyPem());

    assertThat(verify("--checkpoint", txt.toString(), "--seal-key", pinned.toString()))
        .as(output())
        .isZero();
    assertThat(output()).contains("bears the platform's seal").contains("MATCHES the checkpoint");
    opensslVerifies(pinned, txt, auditor.resolve("checkpoint-20261207T180000Z.sig"));

    // The chain and its head rewritten by SQL: the sealed checkpoint finds it.
    update("delete from audit_entry where tenant_id = ?", CASA);
    update("delete from audit_chain where tenant_id = ?", CASA);
    record(CASA, 5, 3);
    out.reset();
    assertThat(verify("--checkpoint", txt.toString(), "--seal-key", pinned.toString()))
        .as(output())
        .isEqualTo(1);
    assertThat(output()).contains("tenant 06.141.01.0 sequence 5 REWRITTEN");

    // A checkpoint edited to match the rewrite no longer bears the seal.
    String forged =
        Files.readString(txt)
            .replaceAll(
                CASA + " 5 [0-9a-f]{64}",
                CASA
                    + " 5 "
                    + new JdbcAuditChains(db).verify(Optional.of(CASA), x -> {}).get(0).lastHash());
    Files.writeString(txt, forged);
    out.reset();
    assertThat(verify("--checkpoint", txt.toString(), "--seal-key", pinned.toString()))
        .as(output())
        .isEqualTo(1);
    assertThat(output()).contains("does NOT bear the seal");
  }

  /** What an auditor without Java does: openssl checks the seal (where openssl is installed). */
  private static void opensslVerifies(Path key, Path data, Path signature) throws Exception {
    Process openssl;
    try {
      openssl =
          new ProcessBuilder(
                  "openssl",
                  "dgst",
                  "-sha256",
                  "-verify",
                  key.toString(),
                  "-signature",
                  signature.toString(),
                  data.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException notInstalled) {
      org.junit.jupiter.api.Assumptions.abort("openssl is not installed");
      return;
    }
    String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(openssl.waitFor()).as(said).isZero();
    assertThat(said).contains("Verified OK");
  }

  @Test
  void anUnreachableDatabaseOrAWrongOptionExitTwo() {
    assertThat(verify("--bogus")).isEqualTo(2);
    assertThat(
            AuditVerifyCommand.run(
                new String[] {"--url", "jdbc:postgresql://127.0.0.1:1/none"},
                Map.of(),
                new PrintStream(out),
                new PrintStream(out)))
        .isEqualTo(2);
  }

  private int verify(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "--url";
    args[1] = url;
    args[2] = "--user";
    args[3] = "rokhsa";
    System.arraycopy(options, 0, args, 4, options.length);
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return AuditVerifyCommand.run(args, Map.of("ROKHSA_DB_PASSWORD", ""), print, print);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Appends entries with the platform's chain code and stores them as its JPA mapping would. */
  private void record(String tenant, int count) throws SQLException {
    record(tenant, count, count + 1);
  }

  /** As {@link #record(String, int)}, the entries from {@code forgedFrom} on saying otherwise. */
  private void record(String tenant, int count, int forgedFrom) throws SQLException {
    AuditChain chain = AuditChain.start(TenantId.of(tenant));
    for (int i = 1; i <= count; i++) {
      ChainLink link =
          chain
              .append(
                  new AuditEvent(
                      "admin",
                      "signature-key.assigned",
                      "signature-key",
                      "k-" + i,
                      i >= forgedFrom ? "rewritten" : "",
                      "10.0.0.1"),
                  Instant.parse("2026-11-29T10:00:00.123456789Z").plusSeconds(i))
              .link();
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into audit_entry (id, tenant_id, sequence_number, recorded_at, actor, action,"
                  + " subject_type, subject_id, detail, source_address, previous_hash, entry_hash)"
                  + " values (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, link.tenant());
        insert.setLong(2, link.sequence());
        insert.setObject(3, link.recordedAt().atOffset(ZoneOffset.UTC));
        insert.setString(4, link.actor());
        insert.setString(5, link.action());
        insert.setString(6, link.subjectType());
        insert.setString(7, link.subjectId());
        insert.setString(8, link.detail());
        insert.setString(9, link.sourceAddress());
        insert.setString(10, link.previousHash());
        insert.setString(11, link.hash());
        insert.executeUpdate();
      }
    }
    ChainHead head = chain.head();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into audit_chain (tenant_id, last_sequence, last_hash) values (?, ?, ?)")) {
      insert.setString(1, tenant);
      insert.setLong(2, head.lastSequence());
      insert.setString(3, head.lastHash());
      insert.executeUpdate();
    }
  }

  private void update(String sql, String... tenants) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < tenants.length; i++) {
        statement.setString(i + 1, tenants[i]);
      }
      assertThat(statement.executeUpdate()).isPositive();
    }
  }
}
