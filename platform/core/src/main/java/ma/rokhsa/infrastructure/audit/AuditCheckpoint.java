package ma.rokhsa.infrastructure.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ma.rokhsa.domain.model.audit.ChainVerification;

/**
 * A checkpoint of the audit chains: for each chain, the last sequence and its entry's hash at the
 * time it was taken. Kept outside the database (a file the operator signs, time-stamps and keeps
 * where the database's writers cannot write), it anchors the chains: whoever rewrites entries up to
 * a checkpointed sequence by SQL — even consistently, head included — changes the hash at that
 * sequence, and {@code rokhsa-audit-verify --checkpoint FILE} finds it. A plain text file, one
 * chain a line ({@code tenant sequence hash}), {@code #} comments.
 *
 * @param takenAt when it was taken
 * @param marks each chain's mark, in tenant order
 */
public record AuditCheckpoint(Instant takenAt, List<Mark> marks) {

  static final String FORMAT = "# Rokhsa audit checkpoint, format 1";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /**
   * One chain as the checkpoint saw it.
   *
   * @param tenant the chain's tenant ({@code national} for the national chain)
   * @param sequence its last sequence then
   * @param hash that entry's hash
   */
  public record Mark(String tenant, long sequence, String hash) {}

  public AuditCheckpoint {
    marks = List.copyOf(marks);
  }

  /** The checkpoint of chains just verified intact (empty chains have nothing to anchor). */
  static AuditCheckpoint of(Instant takenAt, List<ChainVerification> chains) {
    List<Mark> marks = new ArrayList<>();
    for (ChainVerification chain : chains) {
      if (!chain.intact()) {
        throw new IllegalArgumentException("chain " + chain.tenant() + " is broken");
      }
      if (chain.entries() > 0) {
        marks.add(new Mark(chain.tenant(), chain.entries(), chain.lastHash()));
      }
    }
    return new AuditCheckpoint(takenAt, marks);
  }

  /** Writes it, with comments saying when and from where. */
  void write(Writer out, String source) throws IOException {
    out.write(FORMAT + "\n");
    out.write("# taken " + takenAt + " from " + source + "\n");
    out.write("# tenant sequence entry-hash\n");
    for (Mark mark : marks) {
      out.write(mark.tenant() + " " + mark.sequence() + " " + mark.hash() + "\n");
    }
  }

  /**
   * Reads a checkpoint file.
   *
   * @throws IllegalArgumentException naming the line that is not a checkpoint's
   */
  static AuditCheckpoint read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
      throw new IllegalArgumentException(file + " is not a Rokhsa audit checkpoint");
    }
    Instant takenAt = Instant.EPOCH;
    List<Mark> marks = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("# taken ")) {
        try {
          takenAt = Instant.parse(line.substring("# taken ".length()).split(" ", 2)[0]);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": unreadable date");
        }
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 3 || !HASH.matcher(fields[2]).matches()) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected 'tenant sequence hash'");
      }
      try {
        long sequence = Long.parseLong(fields[1]);
        if (sequence < 1) {
          throw new NumberFormatException();
        }
        marks.add(new Mark(fields[0], sequence, fields[2]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a sequence number");
      }
    }
    return new AuditCheckpoint(takenAt, marks);
  }
}
