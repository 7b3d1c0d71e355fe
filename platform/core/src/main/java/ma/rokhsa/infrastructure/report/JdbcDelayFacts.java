package ma.rokhsa.infrastructure.report;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.dossier.Instruction;
import ma.rokhsa.domain.model.dossier.ProcedureRef;
import ma.rokhsa.domain.model.report.AdministrationTime;
import ma.rokhsa.domain.model.report.AdministrationTime.Stay;
import ma.rokhsa.domain.model.report.DelayDistribution;
import ma.rokhsa.domain.model.report.DelayFacts;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * The delay report's figures from the {@code dossier} and {@code dossier_event} tables, read across
 * tenants with plain JDBC (the tenant discriminator of JPA would narrow every read to one tenant):
 * the counts in one grouped query, then the closed dossiers with their moves, in dossier order, one
 * dossier at a time, so that only the delays — one number per decided dossier — are held. The
 * working days and percentiles are counted in Java: the working calendars live in {@code
 * tenant-config/}, not in the database (ADR 0036).
 */
@ApplicationScoped
public class JdbcDelayFacts implements DelayFacts {

  /** Morocco's legal time: a deposit's and a decision's day are its days. */
  static final ZoneId LEGAL_ZONE = ZoneId.of("Africa/Casablanca");

  /** At most this many tenants are named in a query; more are filtered as the rows come. */
  private static final int MAX_NAMED_TENANTS = 500;

  private static final String APPLICANT = ActingRole.APPLICANT.name();

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** For CDI. */
  protected JdbcDelayFacts() {}

  /** On a given data source (tests). */
  public JdbcDelayFacts(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  private record Key(String tenant, String procedure) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = tenant.compareTo(o.tenant);
      return c != 0 ? c : procedure.compareTo(o.procedure);
    }
  }

  private static final class Figures {
    long deposited;
    long overdue;
    long decided;
    final DelayDistribution delays = new DelayDistribution();
  }

  /** A move of a closed dossier: when, by whom, to which state. */
  private record Move(Instant at, String role, String to) {}

  @Override
  public List<Line> lines(
      Instant from,
      Instant until,
      Optional<Set<TenantId>> tenants,
      LocalDate today,
      Function<TenantId, WorkingCalendar> calendars,
      Function<ProcedureRef, Optional<Workflow>> workflows) {
    if (tenants.isPresent() && tenants.get().isEmpty()) {
      return List.of();
    }
    Optional<List<String>> named =
        tenants
            .filter(t -> t.size() <= MAX_NAMED_TENANTS)
            .map(t -> t.stream().map(TenantId::value).sorted().toList());
    Optional<Set<String>> kept =
        tenants.map(t -> Set.copyOf(t.stream().map(TenantId::value).toList()));
    String where =
        " where d.submitted_at >= ? and d.submitted_at < ?"
            + named.map(n -> " and d.tenant_id in (" + "?,".repeat(n.size() - 1) + "?)").orElse("");
    Map<Key, Figures> figures = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement q =
          c.prepareStatement(
              "select d.tenant_id, d.procedure_id, count(*),"
                  + " sum(case when d.phase = 'OPEN' and d.due_date < ? then 1 else 0 end)"
                  + " from dossier d"
                  + where
                  + " and d.phase <> 'DRAFT' group by d.tenant_id, d.procedure_id")) {
        q.setObject(1, today);
        bind(q, 2, from, until, named);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            String tenant = rs.getString(1);
            if (kept.isPresent() && !kept.get().contains(tenant)) {
              continue;
            }
            Figures f =
                figures.computeIfAbsent(new Key(tenant, rs.getString(2)), k -> new Figures());
            f.deposited = rs.getLong(3);
            f.overdue = rs.getLong(4);
          }
        }
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "select d.id, d.tenant_id, d.procedure_id, d.procedure_version, d.submitted_at,"
                  + " d.state_entered_at, e.occurred_at, e.role, e.to_state"
                  + " from dossier d left join dossier_event e on e.dossier_id = d.id"
                  + " and e.to_state is not null"
                  + where
                  + " and d.phase = 'CLOSED' order by d.id, e.occurred_at, e.id")) {
        q.setFetchSize(1000);
        bind(q, 1, from, until, named);
        Map<ProcedureRef, Optional<Workflow>> known = new HashMap<>();
        try (ResultSet rs = q.executeQuery()) {
          String current = null;
          Closed closed = null;
          while (rs.next()) {
            String id = rs.getString(1);
            if (!id.equals(current)) {
              if (closed != null) {
                closed.count(figures, calendars, known, workflows);
              }
              current = id;
              String tenant = rs.getString(2);
              closed =
                  kept.isPresent() && !kept.get().contains(tenant)
                      ? null
                      : new Closed(
                          new Key(tenant, rs.getString(3)),
                          new ProcedureRef(rs.getString(3), rs.getString(4)),
                          instant(rs, 5),
                          instant(rs, 6));
            }
            if (closed != null && rs.getString(9) != null) {
              closed.moves.add(new Move(instant(rs, 7), rs.getString(8), rs.getString(9)));
            }
          }
          if (closed != null) {
            closed.count(figures, calendars, known, workflows);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the dossiers' delays", e);
    }
    List<Line> lines = new ArrayList<>();
    figures.forEach(
        (key, f) ->
            lines.add(
                new Line(
                    TenantId.of(key.tenant()),
                    key.procedure(),
                    f.deposited,
                    f.decided,
                    f.delays.median(),
                    f.delays.percentile(90),
                    f.overdue)));
    return lines;
  }

  private static void bind(
      PreparedStatement q, int first, Instant from, Instant until, Optional<List<String>> named)
      throws SQLException {
    q.setObject(first, from.atOffset(ZoneOffset.UTC));
    q.setObject(first + 1, until.atOffset(ZoneOffset.UTC));
    if (named.isPresent()) {
      int i = first + 2;
      for (String tenant : named.get()) {
        q.setString(i++, tenant);
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static LocalDate day(Instant at) {
    return at.atZone(LEGAL_ZONE).toLocalDate();
  }

  /** A closed dossier of the period and its moves, oldest first. */
  private static final class Closed {
    final Key key;
    final ProcedureRef procedure;
    final Instant deposited;
    final Instant closed;
    final List<Move> moves = new ArrayList<>();

    Closed(Key key, ProcedureRef procedure, Instant deposited, Instant closed) {
      this.key = key;
      this.procedure = procedure;
      this.deposited = deposited;
      this.closed = closed;
    }

    void count(
        Map<Key, Figures> figures,
        Function<TenantId, WorkingCalendar> calendars,
        Map<ProcedureRef, Optional<Workflow>> known,
        Function<ProcedureRef, Optional<Workflow>> workflows) {
      if (deposited == null || closed == null) {
        return;
      }
      // Withdrawn by the applicant: closed, but not a decision.
      if (!moves.isEmpty() && APPLICANT.equals(moves.get(moves.size() - 1).role())) {
        return;
      }
      Optional<Workflow> workflow = known.computeIfAbsent(procedure, workflows);
      List<Stay> stays = new ArrayList<>();
      for (int i = 0; i + 1 < moves.size(); i++) {
        Move entered = moves.get(i);
        Move left = moves.get(i + 1);
        // The workflow says which states are the applicant's turn; a version no started plugin
        // offers any more is read from its timeline: a stay the applicant ended was theirs.
        boolean applicants =
            workflow
                .map(w -> Instruction.applicantTurn(w, entered.to()))
                .orElse(APPLICANT.equals(left.role()));
        if (applicants && !left.at().isBefore(entered.at())) {
          stays.add(new Stay(day(entered.at()), day(left.at())));
        }
      }
      Figures f = figures.computeIfAbsent(key, k -> new Figures());
      f.decided++;
      f.delays.add(
          AdministrationTime.workingDays(
              day(deposited), day(closed), stays, calendars.apply(TenantId.of(key.tenant()))));
    }
  }
}
