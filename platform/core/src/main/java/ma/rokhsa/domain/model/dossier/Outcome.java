package ma.rokhsa.domain.model.dossier;

import java.util.Collection;

/** The commission's avis, consolidated for the authority. */
public enum Outcome {
  /** Every avis favorable (or deemed so). */
  FAVORABLE,
  /** Favorable, with reservations to be reflected in the authorization. */
  FAVORABLE_WITH_RESERVATIONS,
  /** A non-binding body is unfavorable: the authority weighs it. */
  UNFAVORABLE_ADVISORY,
  /** A binding body is unfavorable: the authority can only refuse. */
  UNFAVORABLE_BINDING;

  /** Consolidates the avis of one round. */
  public static Outcome of(Collection<Avis> avis) {
    boolean reservations = false;
    boolean advisoryNo = false;
    for (Avis a : avis) {
      Verdict v = a.verdict().orElse(Verdict.DEEMED_FAVORABLE);
      if (v.unfavorable() && a.binding()) {
        return UNFAVORABLE_BINDING;
      }
      advisoryNo |= v.unfavorable();
      reservations |= v == Verdict.FAVORABLE_WITH_RESERVATIONS;
    }
    if (advisoryNo) {
      return UNFAVORABLE_ADVISORY;
    }
    return reservations ? FAVORABLE_WITH_RESERVATIONS : FAVORABLE;
  }
}
