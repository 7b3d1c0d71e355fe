package ma.rokhsa.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import ma.rokhsa.application.Procedures;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * Sets up and observes dossiers for the legal clock's tests, in the database, as a migration or a
 * long-running server would have left them. It never runs the clock: the server's own schedule
 * does.
 */
@Path("_probe/clock")
@RequestScoped
public class ClockProbeResource {

  @Resource(lookup = "java:app/jdbc/rokhsa")
  DataSource database;

  @Inject Procedures procedures;
  @Inject TenantRepository tenants;
  @Inject WorkingCalendars calendars;

  /**
   * Inserts {@code count} open dossiers of the procedure in {@code state}, due on {@code due} (or
   * {@code workingDays} working days of the tenant's calendar after {@code countedFrom}); with
   * {@code avisDue}, every consulted body's avis is awaited, due that day ({@code due}: with the
   * dossier). {@code version} overrides the procedure version (one no plugin offers makes the
   * dossier fail). References are {@code <run>-<n>}.
   *
   * @return the ids, in order
   */
  @POST
  @Path("dossiers")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> seed(
      @QueryParam("tenant") String tenantId,
      @QueryParam("procedure") String procedure,
      @QueryParam("version") String version,
      @QueryParam("state") String state,
      @QueryParam("due") String due,
      @QueryParam("countedFrom") String countedFrom,
      @QueryParam("workingDays") Integer workingDays,
      @QueryParam("avisDue") String avisDue,
      @QueryParam("count") int count,
      @QueryParam("run") String run)
      throws SQLException {
    TenantId tenant = TenantId.of(tenantId);
    Tenant where = tenants.find(tenant).orElseThrow();
    Procedures.Version current = procedures.current(where, procedure);
    Workflow workflow = current.definition().workflow();
    LocalDate dueDate =
        countedFrom == null
            ? LocalDate.parse(due)
            : calendars.forTenant(tenant).addWorkingDays(LocalDate.parse(countedFrom), workingDays);
    Timestamp now = Timestamp.from(Instant.now());
    List<String> ids = new ArrayList<>();
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement dossier =
              c.prepareStatement(
                  "insert into dossier (id, tenant_id, procedure_id, procedure_version, owner,"
                      + " deposited_by, applicant_name, contact_email, language, form_values,"
                      + " phase, state, reference, tracking_code, created_at, updated_at,"
                      + " submitted_at, state_entered_at, due_date, due_from, due_working_days,"
                      + " tacit, version) values (?, ?, ?, ?, 'probe', 'probe', 'Probe',"
                      + " 'probe@example.ma', 'fr', '{}', 'OPEN', ?, ?, 'PROBE2345678', ?, ?, ?,"
                      + " ?, ?, ?, ?, false, 1)");
          PreparedStatement avis =
              c.prepareStatement(
                  "insert into dossier_avis (id, tenant_id, dossier_id, avis_round, body_id,"
                      + " binding, requested_at, due_date) values (?, ?, ?, 1, ?, ?, ?, ?)")) {
        for (int n = 0; n < count; n++) {
          String id = UUID.randomUUID().toString();
          ids.add(id);
          dossier.setString(1, id);
          dossier.setString(2, tenant.value());
          dossier.setString(3, procedure);
          dossier.setString(4, version == null ? current.version() : version);
          dossier.setString(5, state);
          dossier.setString(6, run + "-" + n);
          dossier.setTimestamp(7, now);
          dossier.setTimestamp(8, now);
          dossier.setTimestamp(9, now);
          dossier.setTimestamp(10, now);
          dossier.setDate(11, Date.valueOf(dueDate));
          if (countedFrom == null) {
            dossier.setNull(12, Types.DATE);
            dossier.setNull(13, Types.INTEGER);
          } else {
            dossier.setDate(12, Date.valueOf(countedFrom));
            dossier.setInt(13, workingDays);
          }
          dossier.addBatch();
        }
        dossier.executeBatch();
        if (avisDue != null) {
          for (String id : ids) {
            long last = nextAvisBlock(c);
            int i = 0;
            for (Workflow.ConsultedBody body : workflow.consultedBodies()) {
              avis.setLong(1, last - i++);
              avis.setString(2, tenant.value());
              avis.setString(3, id);
              avis.setString(4, body.id());
              avis.setBoolean(5, body.binding());
              avis.setTimestamp(6, now);
              avis.setDate(
                  7, Date.valueOf("due".equals(avisDue) ? dueDate : LocalDate.parse(avisDue)));
              avis.addBatch();
            }
          }
          avis.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return ids;
  }

  /** A block of avis ids of the sequence EclipseLink allocates from (50 at a time). */
  private static long nextAvisBlock(Connection c) throws SQLException {
    boolean h2 = c.getMetaData().getDatabaseProductName().contains("H2");
    try (PreparedStatement next =
            c.prepareStatement(
                h2
                    ? "select next value for dossier_avis_seq"
                    : "select nextval('dossier_avis_seq')");
        ResultSet rs = next.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Sets up a dossier as if time had passed: its due date becomes {@code due} and, with {@code
   * avisDue}, its avis not given yet are due that day. The schedule does the rest.
   */
  @POST
  @Path("due-dates")
  @Produces(MediaType.TEXT_PLAIN)
  public String dueDates(
      @QueryParam("dossier") String dossier,
      @QueryParam("due") String due,
      @QueryParam("avisDue") String avisDue)
      throws SQLException {
    try (Connection c = database.getConnection()) {
      if (due != null) {
        try (PreparedStatement update =
            c.prepareStatement("update dossier set due_date = ? where id = ?")) {
          update.setDate(1, Date.valueOf(LocalDate.parse(due)));
          update.setString(2, dossier);
          update.executeUpdate();
        }
      }
      if (avisDue != null) {
        try (PreparedStatement update =
            c.prepareStatement(
                "update dossier_avis set due_date = ? where dossier_id = ? and verdict is null")) {
          update.setDate(1, Date.valueOf(LocalDate.parse(avisDue)));
          update.setString(2, dossier);
          update.executeUpdate();
        }
      }
    }
    return "set";
  }

  /** The dossiers of a run, as the clock left them: state, due date and its marks. */
  @GET
  @Path("dossiers")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> observe(@QueryParam("run") String run) throws SQLException {
    List<Map<String, Object>> found = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "select id, reference, phase, state, due_date, clock_skipped_due,"
                    + " clock_failures, clock_problem, version from dossier"
                    + " where reference like ? order by reference")) {
      query.setString(1, run + "-%");
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", rs.getString("id"));
          row.put("reference", rs.getString("reference"));
          row.put("phase", rs.getString("phase"));
          row.put("state", rs.getString("state"));
          row.put("dueDate", text(rs.getDate("due_date")));
          row.put("skippedDue", text(rs.getDate("clock_skipped_due")));
          row.put("failures", rs.getInt("clock_failures"));
          row.put("problem", rs.getString("clock_problem"));
          row.put("version", rs.getLong("version"));
          found.add(row);
        }
      }
    }
    return found;
  }

  private static String text(Date date) {
    return date == null ? null : date.toLocalDate().toString();
  }
}
