/**
 * Dossiers: an applicant's request for one procedure in one tenant, from draft through the guichet,
 * the commission and the decision, on the legal clock of the procedure's version.
 */
package ma.rokhsa.domain.model.dossier;
