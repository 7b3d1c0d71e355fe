/**
 * Dossiers over REST: deposit (drafts, documents, submission, receipt), instruction (actions,
 * avis), timeline, and public tracking by reference and tracking code.
 */
package ma.rokhsa.interfaces.rest.dossier;
