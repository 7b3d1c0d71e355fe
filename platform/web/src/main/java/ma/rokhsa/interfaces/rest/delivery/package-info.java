/**
 * Delivery over HTTP: what awaits a signatory's signature and signing a batch in one session, the
 * revocation of a delivered authorization, and the public verification of documents.
 */
package ma.rokhsa.interfaces.rest.delivery;
