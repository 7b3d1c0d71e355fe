package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.dossier.ProcedureRef;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;

/**
 * The procedure versions dossiers are deposited and instructed under: the current version a tenant
 * offers for new deposits, and for each dossier the version it was deposited under.
 */
@ApplicationScoped
public class Procedures {

  private ProcedureCatalog catalog;

  /** For CDI's proxy. */
  protected Procedures() {}

  @Inject
  Procedures(ProcedureCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The version of a procedure new deposits in this tenant follow.
   *
   * @throws NotFound if the tenant does not offer it (not enabled for it, not for its kind, or no
   *     started plugin offers it)
   */
  public Version current(Tenant tenant, String procedureId) {
    return catalog
        .procedure(procedureId)
        .filter(p -> tenant.procedures().contains(procedureId))
        .filter(p -> p.definition().tenantKinds().contains(tenant.kind().name()))
        .map(Version::new)
        .orElseThrow(
            () ->
                new NotFound(
                    "tenant " + tenant.id() + " offers no procedure '" + procedureId + "'"));
  }

  /**
   * The version the dossier was deposited under.
   *
   * @throws ProcedureUnavailable if no started plugin offers it any more
   */
  public Version version(Dossier dossier) {
    ProcedureRef followed = dossier.procedure();
    return catalog
        .procedure(followed.id(), followed.version())
        .or(
            () ->
                // A draft follows whatever version new deposits follow; it is re-pinned when
                // submitted.
                dossier.phase() == Phase.DRAFT
                    ? catalog.procedure(followed.id())
                    : Optional.empty())
        .map(Version::new)
        .orElseThrow(() -> new ProcedureUnavailable(followed));
  }

  /**
   * One version of a procedure and the plugin code behind it. Calls into the plugin go through
   * {@link #guardedProvider()}: whatever the plugin throws becomes a {@link PluginFailure}, and the
   * transaction of the change rolls back.
   */
  public record Version(ProcedureCatalog.OfferedProcedure offered) {

    public String id() {
      return offered.definition().id();
    }

    public String version() {
      return offered.definition().version();
    }

    /** The procedure and version, as a dossier follows it. */
    public ProcedureRef ref() {
      return new ProcedureRef(id(), version());
    }

    public ProcedureDefinition definition() {
      return offered.definition();
    }

    public ProcedureProvider provider() {
      return offered.provider();
    }

    /** Runs plugin code, turning its failures into a {@link PluginFailure}. */
    public <T> T guarded(Supplier<T> call) {
      try {
        return call.get();
      } catch (RuntimeException | LinkageError e) {
        throw new PluginFailure(offered.pluginId(), e);
      }
    }

    /**
     * The fee of a dossier with these values, as the plugin computes it from the version's fee
     * schedule; the one place the platform asks for it (dossier, receipt).
     */
    public Fee fee(FormValues values) {
      return guardedProvider().fee(values, definition().fees());
    }

    /** The plugin's provider, each call guarded. */
    public ProcedureProvider guardedProvider() {
      ProcedureProvider raw = offered.provider();
      return new ProcedureProvider() {
        @Override
        public ProcedureDefinition definition(
            ma.rokhsa.plugin.api.procedure.DefinitionLoader loader) {
          return offered.definition();
        }

        @Override
        public List<Violation> check(FormValues values) {
          return guarded(() -> raw.check(values));
        }

        @Override
        public Fee fee(FormValues values, FeeSchedule schedule) {
          return guarded(() -> raw.fee(values, schedule));
        }

        @Override
        public Optional<Integer> deadline(Workflow.State state, FormValues values) {
          return guarded(() -> raw.deadline(state, values));
        }
      };
    }
  }
}
