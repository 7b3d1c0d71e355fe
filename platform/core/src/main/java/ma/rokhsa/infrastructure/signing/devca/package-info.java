/**
 * The development certification authority (demo mode and tests only, ADR 0018): a root and an
 * issuing CA for signatory certificates, with a CRL, an OCSP responder and an RFC 3161 TSA.
 */
package ma.rokhsa.infrastructure.signing.devca;
