package ma.rokhsa.application;

import ma.rokhsa.domain.model.dossier.ProcedureRef;

/**
 * The procedure version a dossier was deposited under is offered by no started plugin (its plugin
 * failed or was disabled): the dossier waits until it is back.
 */
public class ProcedureUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProcedureUnavailable(ProcedureRef procedure) {
    super("procedure " + procedure + " is not available: its plugin is not started");
  }
}
