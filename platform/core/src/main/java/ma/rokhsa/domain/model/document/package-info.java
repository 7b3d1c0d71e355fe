/**
 * Documents: the files applicants deposit, kept by their content (SHA-256) once whatever their
 * name, and the receipt (récépissé de dépôt) that a deposit gives back.
 */
package ma.rokhsa.domain.model.document;
