package ma.rokhsa.domain.model.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;
import ma.rokhsa.domain.model.dossier.ProcedureRef;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * The delay report's figures, read from the dossiers across tenants (implemented in
 * infrastructure): for each tenant and procedure, the dossiers deposited in a period, those
 * decided, the median and 90th percentile of their {@link AdministrationTime} and those overdue
 * (ADR 0036). Who may see which tenants is decided before, by the application.
 */
public interface DelayFacts {

  /**
   * One tenant's figures for one procedure (every version of it).
   *
   * @param deposited the dossiers deposited in the period
   * @param decided those of them closed by the administration or the platform (a withdrawal by the
   *     applicant is not a decision)
   * @param median the median of the decided ones' delays, in working days
   * @param ninetieth their 90th percentile
   * @param overdue those of them still open whose due date has passed
   */
  record Line(
      TenantId tenant,
      String procedure,
      long deposited,
      long decided,
      OptionalInt median,
      OptionalInt ninetieth,
      long overdue) {}

  /**
   * The figures of the dossiers deposited from {@code from} (included) to {@code until} (excluded),
   * by tenant then procedure.
   *
   * @param tenants the tenants to report on; empty for every tenant
   * @param today the day against which due dates are passed (Morocco's legal day)
   * @param calendars each tenant's working calendar
   * @param workflows the workflow of a procedure version, when a started plugin offers it (its
   *     applicant's turns stop the clock)
   */
  List<Line> lines(
      Instant from,
      Instant until,
      Optional<Set<TenantId>> tenants,
      LocalDate today,
      Function<TenantId, WorkingCalendar> calendars,
      Function<ProcedureRef, Optional<Workflow>> workflows);
}
