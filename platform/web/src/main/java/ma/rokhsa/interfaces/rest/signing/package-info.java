/**
 * Signature services the platform serves over HTTP: the development CA's CRLs, OCSP responder and
 * time-stamping authority (demo mode only).
 */
package ma.rokhsa.interfaces.rest.signing;
