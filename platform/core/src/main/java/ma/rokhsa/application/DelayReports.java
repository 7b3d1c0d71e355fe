package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.calendar.WorkingCalendars;
import ma.rokhsa.domain.model.report.DelayFacts;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;

/**
 * The dashboard of delays (issue 13, item 6; ADR 0036): per commune and procedure, over the
 * dossiers deposited in a period, how many were deposited and decided, the median and 90th
 * percentile of the working days the administration took, and how many are overdue — only for the
 * tenants whose data the caller may read, as {@link TenantAccess} draws it (the national admin:
 * all; a regional or provincial supervisor: the territory; an agent: the commune).
 */
@ApplicationScoped
public class DelayReports {

  private TenantDirectory directory;
  private DelayFacts facts;
  private WorkingCalendars calendars;
  private ProcedureCatalog catalog;
  private LegalTime time;

  /** For CDI's proxy. */
  protected DelayReports() {}

  @Inject
  DelayReports(
      TenantDirectory directory,
      DelayFacts facts,
      WorkingCalendars calendars,
      ProcedureCatalog catalog,
      LegalTime time) {
    this.directory = directory;
    this.facts = facts;
    this.calendars = calendars;
    this.catalog = catalog;
    this.time = time;
  }

  /** Today's legal day, for the default period. */
  public ReportPeriod defaultPeriod() {
    return ReportPeriod.lastTwelveMonths(time.today());
  }

  /** Whether the caller reads any tenant's data (applicants read none: they get no report). */
  public boolean mayReport(Caller caller) {
    return !visible(caller, directory.list(Optional.empty(), List.of())).isEmpty();
  }

  /** The report of the period, in the caller's scope. */
  public DelayReport report(Caller caller, ReportPeriod period) {
    List<Tenant> all = directory.list(Optional.empty(), List.of());
    List<Tenant> visible = visible(caller, all);
    Map<TenantId, Tenant> byId =
        visible.stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
    Optional<Set<TenantId>> scope =
        visible.size() == all.size() ? Optional.empty() : Optional.of(byId.keySet());
    List<DelayFacts.Line> lines =
        facts.lines(
            period.start(),
            period.end(),
            scope,
            time.today(),
            calendars::forTenant,
            ref -> catalog.procedure(ref.id(), ref.version()).map(p -> p.definition().workflow()));
    List<DelayReport.Row> rows =
        lines.stream()
            .filter(l -> byId.containsKey(l.tenant()))
            .map(l -> row(l, byId.get(l.tenant())))
            .sorted(
                Comparator.comparing(DelayReport.Row::tenantFr)
                    .thenComparing(DelayReport.Row::tenantId)
                    .thenComparing(DelayReport.Row::procedureId))
            .toList();
    return new DelayReport(period, time.today(), rows);
  }

  private static List<Tenant> visible(Caller caller, List<Tenant> all) {
    return all.stream().filter(t -> TenantAccess.of(caller, t).read()).toList();
  }

  private DelayReport.Row row(DelayFacts.Line line, Tenant tenant) {
    Optional<LocalizedText> name =
        catalog.procedure(line.procedure()).map(p -> p.definition()).map(ProcedureDefinition::name);
    return new DelayReport.Row(
        tenant.id().value(),
        tenant.nameFr(),
        tenant.nameAr(),
        line.procedure(),
        name.map(LocalizedText::fr).orElse(line.procedure()),
        name.map(LocalizedText::ar).orElse(line.procedure()),
        line.deposited(),
        line.decided(),
        line.median(),
        line.ninetieth(),
        line.overdue());
  }
}
