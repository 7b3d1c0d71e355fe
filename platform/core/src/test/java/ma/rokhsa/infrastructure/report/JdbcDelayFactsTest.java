package ma.rokhsa.infrastructure.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.dossier.ProcedureRef;
import ma.rokhsa.domain.model.report.DelayFacts.Line;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.persistence.TestDatabases;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.api.procedure.Workflow.State;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delay report's figures on the real schema (every migration), on H2 as the embedded default
 * runs and on PostgreSQL when one is given: dossiers with known delays in working days — weekends
 * skipped, complements not counted — give exactly the expected counts, median and 90th percentile.
 */
class JdbcDelayFactsTest {

  private static final String LBIR_JDID = "06.181.01.05";
  private static final String ANOTHER = "06.141.01.0";
  private static final String PERMIS = "permis-de-construire";
  private static final String HABITER = "permis-d-habiter";

  /** Monday to Friday, no holiday. */
  private static final WorkingCalendar WEEKDAYS = new HolidayCalendar(year -> List.of());

  /** A workflow with the applicant's turn (complements), as the shipped procedures have. */
  private static final Workflow WORKFLOW =
      new Workflow(
          "depose",
          List.of(
              state("depose", false),
              state("complements", false),
              state("instruction", false),
              state("delivre", true),
              state("refuse", true),
              state("desiste", true)),
          List.of(
              new Transition("accepter", "depose", "instruction", ActingRole.GUICHET_AGENT),
              new Transition(
                  "demander-complements", "depose", "complements", ActingRole.GUICHET_AGENT),
              new Transition("completer", "complements", "depose", ActingRole.APPLICANT),
              new Transition("se-desister", "complements", "desiste", ActingRole.APPLICANT),
              new Transition("signer", "instruction", "delivre", ActingRole.SIGNATORY),
              new Transition("refuser", "instruction", "refuse", ActingRole.SIGNATORY)),
          List.of());

  private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

  private final TestDatabases databases = new TestDatabases();
  private static long events;

  @AfterEach
  void drop() {
    databases.drop();
  }

  private static State state(String id, boolean terminal) {
    return new State(id, new LocalizedText(id, id), terminal, Optional.empty(), false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void delaysAreCountedInWorkingDaysWithoutTheApplicantsTurnsAndTheirPercentilesAreExact(
      String kind) throws SQLException {
    DataSource db = databases.migrated(kind);
    tenant(db, LBIR_JDID, "06/06.181/" + LBIR_JDID);
    tenant(db, ANOTHER, "06/06.141/" + ANOTHER);

    // Deposited on Monday 2 March 2026; decided after 5, 10, 14 and 30 working days.
    closed(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "2026-03-09", "SIGNATORY");
    closed(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "2026-03-16", "SIGNATORY");
    closed(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "2026-03-20", "SIGNATORY");
    closed(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "2026-04-13", "SYSTEM");
    // 9 working days to Friday 13 March, 5 of them in the applicant's turn (Wednesday 4 to
    // Wednesday 11): 4.
    String withComplements = deposited(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "CLOSED", null);
    move(db, withComplements, "2026-03-04", "GUICHET_AGENT", "complements");
    move(db, withComplements, "2026-03-11", "APPLICANT", "depose");
    move(db, withComplements, "2026-03-12", "GUICHET_AGENT", "instruction");
    move(db, withComplements, "2026-03-13", "SIGNATORY", "delivre");
    // Withdrawn by the applicant: deposited, not decided.
    String withdrawn = deposited(db, LBIR_JDID, PERMIS, "1", "2026-03-02", "CLOSED", null);
    move(db, withdrawn, "2026-03-03", "GUICHET_AGENT", "complements");
    move(db, withdrawn, "2026-03-05", "APPLICANT", "desiste");
    // Open: one past its due date, one not; a draft; a deposit before the period.
    deposited(db, LBIR_JDID, PERMIS, "1", "2026-11-02", "OPEN", "2026-12-01");
    deposited(db, LBIR_JDID, PERMIS, "1", "2026-11-30", "OPEN", "2026-12-31");
    deposited(db, LBIR_JDID, PERMIS, "1", "2026-11-30", "DRAFT", null);
    closed(db, LBIR_JDID, PERMIS, "1", "2025-12-15", "2026-01-05", "SIGNATORY");

    // A version no started plugin offers: its timeline says whose turn a stay was.
    String older = deposited(db, LBIR_JDID, HABITER, "0", "2026-06-01", "CLOSED", null);
    move(db, older, "2026-06-02", "GUICHET_AGENT", "complements");
    move(db, older, "2026-06-09", "APPLICANT", "depose");
    move(db, older, "2026-06-11", "SIGNATORY", "delivre");
    closed(db, ANOTHER, PERMIS, "1", "2026-03-02", "2026-03-03", "SIGNATORY");

    JdbcDelayFacts facts = new JdbcDelayFacts(db);
    List<Line> lines =
        facts.lines(
            FROM,
            UNTIL,
            Optional.of(Set.of(TenantId.of(LBIR_JDID))),
            TODAY,
            t -> WEEKDAYS,
            ref ->
                ref.equals(new ProcedureRef(PERMIS, "1"))
                    ? Optional.of(WORKFLOW)
                    : Optional.empty());

    assertThat(lines)
        .containsExactly(
            // 8 working days to Thursday 11 June, 5 of them the applicant's: 3
            new Line(
                TenantId.of(LBIR_JDID), HABITER, 1, 1, OptionalInt.of(3), OptionalInt.of(3), 0),
            // delays 4, 5, 10, 14, 30: median at rank 3, 90th percentile at rank 5
            new Line(
                TenantId.of(LBIR_JDID), PERMIS, 8, 5, OptionalInt.of(10), OptionalInt.of(30), 1));

    List<Line> everywhere =
        facts.lines(FROM, UNTIL, Optional.empty(), TODAY, t -> WEEKDAYS, ref -> Optional.empty());
    assertThat(everywhere).extracting(Line::tenant).contains(TenantId.of(ANOTHER));
    assertThat(
            facts.lines(
                FROM, UNTIL, Optional.of(Set.of()), TODAY, t -> WEEKDAYS, r -> Optional.empty()))
        .isEmpty();
  }

  private static void tenant(DataSource db, String id, String path) throws SQLException {
    execute(
        db,
        "insert into tenant (id, kind, path, name_fr, name_ar, status, theme, procedures,"
            + " signature_key_quota, version) values (?, 'COMMUNE_RURALE', ?, ?, ?, 'ACTIVE',"
            + " 'base', '', 1, 0)",
        id,
        path,
        id,
        id);
  }

  /** A dossier deposited, then decided on {@code decided} in one move by {@code by}. */
  private static void closed(
      DataSource db,
      String tenant,
      String procedure,
      String version,
      String deposit,
      String decided,
      String by)
      throws SQLException {
    String id = deposited(db, tenant, procedure, version, deposit, "CLOSED", null);
    move(db, id, decided, by, "delivre");
  }

  private static String deposited(
      DataSource db,
      String tenant,
      String procedure,
      String version,
      String day,
      String phase,
      String due)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    Object at = noon(day);
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "insert into dossier (id, tenant_id, procedure_id, procedure_version, owner,"
                    + " deposited_by, applicant_name, contact_email, language, form_values, phase,"
                    + " state, created_at, updated_at, submitted_at, state_entered_at, due_date,"
                    + " tacit, version) values (?, ?, ?, ?, 'a', 'a', 'A', 'a@example.ma', 'fr',"
                    + " '{}', ?, 'depose', ?, ?, ?, ?, ?, false, 0)")) {
      q.setString(1, id);
      q.setString(2, tenant);
      q.setString(3, procedure);
      q.setString(4, version);
      q.setString(5, phase);
      q.setObject(6, at);
      q.setObject(7, at);
      q.setObject(8, "DRAFT".equals(phase) ? null : at);
      q.setObject(9, at);
      q.setObject(10, due == null ? null : LocalDate.parse(due));
      q.executeUpdate();
    }
    return id;
  }

  /** A move of the dossier on {@code day}; the dossier's state is the one it reaches. */
  private static void move(DataSource db, String dossier, String day, String role, String to)
      throws SQLException {
    Object at = noon(day);
    execute(
        db,
        "insert into dossier_event (id, tenant_id, dossier_id, occurred_at, actor, role, action,"
            + " to_state) select ?, tenant_id, id, ?, 'x', ?, 'move', ? from dossier where id = ?",
        ++events,
        at,
        role,
        to,
        dossier);
    execute(db, "update dossier set state = ?, state_entered_at = ? where id = ?", to, at, dossier);
  }

  private static Object noon(String day) {
    return LocalDate.parse(day).atTime(11, 0).atOffset(ZoneOffset.UTC);
  }

  private static void execute(DataSource db, String sql, Object... values) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        q.setObject(i + 1, values[i]);
      }
      q.executeUpdate();
    }
  }
}
