package ma.rokhsa.domain.model.dossier;

import java.util.Map;

/** How many dossiers are in flight under each procedure version, across every tenant. */
public interface DossierCensus {

  /** Open (deposited, not closed) dossiers by the procedure version they follow. */
  Map<ProcedureVersion, Long> openByProcedureVersion();

  /**
   * A version of a procedure.
   *
   * @param procedureId its id
   * @param version its version
   */
  record ProcedureVersion(String procedureId, String version) {}
}
