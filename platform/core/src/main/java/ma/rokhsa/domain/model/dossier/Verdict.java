package ma.rokhsa.domain.model.dossier;

/** A consulted body's avis. */
public enum Verdict {
  FAVORABLE,
  FAVORABLE_WITH_RESERVATIONS,
  UNFAVORABLE,
  /** No avis by the deadline: deemed favorable (décret n° 2-13-424), recorded by the platform. */
  DEEMED_FAVORABLE;

  public boolean unfavorable() {
    return this == UNFAVORABLE;
  }
}
