package ma.rokhsa.domain.model.audit;

import java.util.List;

/** The background verification's findings, one per chain (ADR 0033). */
public interface ChainChecks {

  /** Every chain's last check, in tenant order. */
  List<ChainCheck> all();

  /** How many chains were last found broken. */
  long broken();
}
