/**
 * Rules shared by the procedures delivered on a déclaration d'achèvement des travaux (permis
 * d'habiter, certificat de conformité): a library each of those plugins bundles in its zip's {@code
 * lib/}, never an extension itself (ADR 0012).
 */
package ma.rokhsa.plugins.completion;
