package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.tenant.ProcedureChoice;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * The procedures a tenant offers: read by everyone who may deposit there, changed one procedure at
 * a time by its admins (the national admin, or the tenant's own). A change is a choice kept in the
 * database — so it holds on every node, across restarts and {@code tenant-config/} reloads, and
 * wins over the files until it is reset — and is recorded in the tenant's audit trail with who made
 * it.
 *
 * <p>The caller's right to do so is checked by the interface (the tenant's access); every method
 * works on the tenant it is given.
 */
@ApplicationScoped
@Transactional
public class TenantProcedureService {

  private TenantRepository tenants;
  private ProcedureCatalog catalog;
  private AuditTrail audit;
  private Clock clock;

  /** For CDI's proxy. */
  protected TenantProcedureService() {}

  @Inject
  TenantProcedureService(
      TenantRepository tenants, ProcedureCatalog catalog, AuditTrail audit, Clock clock) {
    this.tenants = tenants;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /** The procedures applicants can deposit in the tenant now, in the catalog's order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OfferedProcedure> offered(TenantId tenant) {
    Tenant found = tenant(tenant);
    List<String> enabled = found.procedures();
    return catalog.procedures().stream()
        .filter(p -> enabled.contains(p.definition().id()))
        .filter(p -> forKind(p, found))
        .toList();
  }

  /**
   * Every procedure that concerns the tenant, with whether it offers it and why: those the started
   * plugins offer for its kind, and those its configuration or its admins named, ordered by id.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProcedureSetting> settings(TenantId tenant) {
    Tenant found = tenant(tenant);
    Set<String> ids = new TreeSet<>();
    catalog.procedures().stream()
        .filter(p -> forKind(p, found))
        .forEach(p -> ids.add(p.definition().id()));
    ids.addAll(found.configuredProcedures());
    found.procedureChoices().forEach(c -> ids.add(c.procedureId()));
    List<ProcedureSetting> settings = new ArrayList<>();
    for (String id : ids) {
      settings.add(setting(found, id));
    }
    return settings;
  }

  /**
   * One procedure's setting in the tenant.
   *
   * @throws NotFound if no started plugin offers it and neither the configuration nor an admin
   *     named it for the tenant
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ProcedureSetting setting(TenantId tenant, String procedureId) {
    Tenant found = tenant(tenant);
    requireKnown(found, procedureId);
    return setting(found, procedureId);
  }

  /**
   * Offers the procedure in the tenant, whatever {@code tenant-config/} says, until reset. Audited
   * when it changes the choice.
   *
   * @throws NotFound if no started plugin offers a procedure of this id
   * @throws ProcedureNotOfferable if it is not for this kind of tenant
   */
  public ProcedureSetting enable(
      TenantId tenant, String procedureId, String actor, String sourceAddress) {
    Tenant locked = locked(tenant);
    OfferedProcedure procedure =
        catalog
            .procedure(procedureId)
            .orElseThrow(
                () ->
                    new NotFound(
                        "no started plugin offers a procedure '"
                            + procedureId
                            + "' (GET /api/admin/procedures lists them)"));
    if (!forKind(procedure, locked)) {
      throw new ProcedureNotOfferable(
          "procedure "
              + procedureId
              + " is for "
              + procedure.definition().tenantKinds().stream().sorted().toList()
              + "; tenant "
              + tenant
              + " is "
              + locked.kind());
    }
    return choose(locked, procedureId, true, actor, sourceAddress);
  }

  /**
   * Stops offering the procedure in the tenant, whatever {@code tenant-config/} says, until reset:
   * no new draft or deposit; dossiers already deposited go on. Audited when it changes the choice.
   *
   * @throws NotFound if the procedure is unknown here (see {@link #setting(TenantId, String)})
   */
  public ProcedureSetting disable(
      TenantId tenant, String procedureId, String actor, String sourceAddress) {
    Tenant locked = locked(tenant);
    requireKnown(locked, procedureId);
    return choose(locked, procedureId, false, actor, sourceAddress);
  }

  /**
   * Forgets the admins' choice about the procedure: {@code tenant-config/} decides again. Audited
   * when there was a choice.
   *
   * @throws NotFound if the procedure is unknown here (see {@link #setting(TenantId, String)})
   */
  public ProcedureSetting reset(
      TenantId tenant, String procedureId, String actor, String sourceAddress) {
    Tenant locked = locked(tenant);
    requireKnown(locked, procedureId);
    Optional<ProcedureChoice> forgotten = locked.resetProcedureChoice(procedureId);
    forgotten.ifPresent(
        choice ->
            audit.record(
                tenant,
                new AuditEvent(
                    actor,
                    "procedure.reset",
                    "procedure",
                    procedureId,
                    "choice of "
                        + choice.changedBy()
                        + " ("
                        + (choice.enabled() ? "enabled" : "disabled")
                        + ") forgotten; tenant-config/ "
                        + (locked.configuredProcedures().contains(procedureId)
                            ? "enables"
                            : "does not enable")
                        + " it",
                    sourceAddress)));
    return setting(locked, procedureId);
  }

  private ProcedureSetting choose(
      Tenant tenant, String procedureId, boolean enabled, String actor, String sourceAddress) {
    boolean wasOffered = tenant.procedures().contains(procedureId);
    boolean changed;
    try {
      changed = tenant.chooseProcedure(procedureId, enabled, actor, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    if (changed) {
      audit.record(
          tenant.id(),
          new AuditEvent(
              actor,
              enabled ? "procedure.enabled" : "procedure.disabled",
              "procedure",
              procedureId,
              (wasOffered == enabled ? "already " : "was ")
                  + (wasOffered ? "enabled" : "disabled")
                  + "; tenant-config/ "
                  + (tenant.configuredProcedures().contains(procedureId)
                      ? "enables"
                      : "does not enable")
                  + " it",
              sourceAddress));
    }
    return setting(tenant, procedureId);
  }

  private ProcedureSetting setting(Tenant tenant, String procedureId) {
    Optional<OfferedProcedure> procedure = catalog.procedure(procedureId);
    boolean configured = tenant.configuredProcedures().contains(procedureId);
    Optional<ProcedureChoice> choice = tenant.procedureChoice(procedureId);
    boolean enabled = tenant.procedures().contains(procedureId);
    Optional<String> reason;
    if (!enabled) {
      reason =
          Optional.of(
              choice.isPresent()
                  ? "disabled by " + choice.get().changedBy()
                  : "not enabled for this tenant in tenant-config/");
    } else if (procedure.isEmpty()) {
      reason = Optional.of("no started plugin offers it");
    } else if (!forKind(procedure.get(), tenant)) {
      reason = Optional.of("not for tenants of kind " + tenant.kind());
    } else {
      reason = Optional.empty();
    }
    return new ProcedureSetting(
        procedureId, procedure, configured, choice, enabled, reason.isEmpty(), reason);
  }

  private void requireKnown(Tenant tenant, String procedureId) {
    Set<String> named = new LinkedHashSet<>(tenant.configuredProcedures());
    tenant.procedureChoices().forEach(c -> named.add(c.procedureId()));
    if (catalog.procedure(procedureId).isEmpty() && !named.contains(procedureId)) {
      throw new NotFound("tenant " + tenant.id() + " knows no procedure '" + procedureId + "'");
    }
  }

  private static boolean forKind(OfferedProcedure procedure, Tenant tenant) {
    return procedure.definition().tenantKinds().contains(tenant.kind().name());
  }

  private Tenant tenant(TenantId id) {
    return tenants.find(id).orElseThrow(() -> new NotFound("no tenant " + id));
  }

  /** The tenant, locked until the transaction ends: its admins' changes apply one at a time. */
  private Tenant locked(TenantId id) {
    return tenants.findForUpdate(id).orElseThrow(() -> new NotFound("no tenant " + id));
  }
}
