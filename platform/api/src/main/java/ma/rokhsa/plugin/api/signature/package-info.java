/**
 * Signature providers: where the platform's signatories' keys live (a soft token, a PKCS#11 token
 * or hardware module, Barid eSign) and how bytes are signed with one of them, in a session opened
 * with the signatory's PIN. Plain {@code java.security}; incubating until two providers prove it.
 */
package ma.rokhsa.plugin.api.signature;
