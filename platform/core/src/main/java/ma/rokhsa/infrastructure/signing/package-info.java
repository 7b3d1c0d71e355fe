/**
 * PAdES signatures of the documents the platform issues (ADR 0018): signing with a {@link
 * ma.rokhsa.infrastructure.signing.SigningKey} (PDFBox and BouncyCastle CMS), time stamps and
 * revocation data for the B-T and B-LT levels, and the validation of a signed PDF.
 */
package ma.rokhsa.infrastructure.signing;
