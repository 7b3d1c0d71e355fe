package ma.rokhsa.infrastructure.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.audit.ChainVerification;
import ma.rokhsa.infrastructure.audit.IncrementalChainVerification.Outcome;
import ma.rokhsa.infrastructure.security.AuditSeal;

/**
 * Checkpoints the platform takes itself after each background verification (ADR 0039): the last
 * sequence and hash of every chain found intact, in {@link AuditCheckpoint}'s text format, signed
 * with the {@link AuditSeal}. The last {@value #KEPT} are kept in the database for auditors to
 * fetch ({@code GET /api/admin/audit/checkpoints/latest}); with {@code rokhsa.audit.checkpoint-dir}
 * set, each is also written there ({@code checkpoint-<time>.txt} and {@code .sig}) — a directory
 * the database's writers cannot write, an auditor's mount. {@code rokhsa-audit-verify --checkpoint
 * FILE --seal-key seal.pem} then checks the seal and the chains against it.
 *
 * <p>Holds no connection between calls.
 */
public final class SealedCheckpoints {

  /** How many sealed checkpoints the database keeps. */
  static final int KEPT = 48;

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * A checkpoint and its seal.
   *
   * @param content the checkpoint file's bytes (UTF-8 text)
   * @param signature the seal's DER signature over them
   */
  public record Sealed(Instant takenAt, byte[] content, byte[] signature) {}

  private final DataSource database;
  private final AuditSeal seal;
  private final Optional<Path> exportDir;

  public SealedCheckpoints(DataSource database, AuditSeal seal, Optional<Path> exportDir) {
    this.database = Objects.requireNonNull(database, "database");
    this.seal = Objects.requireNonNull(seal, "seal");
    this.exportDir = Objects.requireNonNull(exportDir, "exportDir");
  }

  /**
   * Seals a checkpoint of the chains a pass found intact (broken ones are left out and named in a
   * comment), keeps it and exports it.
   *
   * @return what was sealed; empty if no chain has entries
   */
  public Optional<Sealed> take(Instant now, List<Outcome> outcomes, String source) {
    List<ChainVerification> intact = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.result().intact()) {
        intact.add(o.result());
      } else {
        broken.add(o.result().tenant());
      }
    }
    AuditCheckpoint checkpoint = AuditCheckpoint.of(now, intact);
    if (checkpoint.marks().isEmpty()) {
      return Optional.empty();
    }
    StringWriter text = new StringWriter();
    try {
      checkpoint.write(text, source + ", sealed by the platform");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!broken.isEmpty()) {
      text.write("# left out, found broken: " + String.join(" ", broken) + "\n");
    }
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Sealed sealed = new Sealed(now, content, seal.sign(content));
    keep(sealed);
    exportDir.ifPresent(dir -> export(dir, sealed));
    return Optional.of(sealed);
  }

  /** The last checkpoint sealed, if any. */
  public Optional<Sealed> latest() {
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select taken_at, content, signature from audit_sealed_checkpoint"
                    + " order by taken_at desc")) {
      q.setMaxRows(1);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Sealed(rs.getTimestamp(1).toInstant(), rs.getBytes(2), rs.getBytes(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the sealed checkpoints", e);
    }
  }

  private void keep(Sealed sealed) {
    try (Connection c = database.getConnection()) {
      try (PreparedStatement i =
          c.prepareStatement(
              "insert into audit_sealed_checkpoint (taken_at, content, signature)"
                  + " values (?, ?, ?)")) {
        i.setTimestamp(1, Timestamp.from(sealed.takenAt()));
        i.setBytes(2, sealed.content());
        i.setBytes(3, sealed.signature());
        i.executeUpdate();
      }
      Instant oldestKept = null;
      try (PreparedStatement q =
          c.prepareStatement(
              "select taken_at from audit_sealed_checkpoint order by taken_at desc")) {
        q.setMaxRows(KEPT);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            oldestKept = rs.getTimestamp(1).toInstant();
          }
        }
      }
      if (oldestKept != null) {
        try (PreparedStatement d =
            c.prepareStatement("delete from audit_sealed_checkpoint where taken_at < ?")) {
          d.setTimestamp(1, Timestamp.from(oldestKept));
          d.executeUpdate();
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep the sealed checkpoint", e);
    }
  }

  private static void export(Path dir, Sealed sealed) {
    String name = "checkpoint-" + FILE_TIME.format(sealed.takenAt());
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".txt"), sealed.content(), StandardOpenOption.CREATE_NEW);
      Files.write(dir.resolve(name + ".sig"), sealed.signature(), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException kept) {
      // a checkpoint of the same second is there already: checkpoints are never overwritten
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the sealed checkpoint to " + dir, e);
    }
  }
}
