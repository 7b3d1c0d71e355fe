/**
 * Signature providers: where the platform's signatories' keys live (Barid eSign, a hardware module,
 * a test key store) and how a digest is signed with one of them.
 */
package ma.rokhsa.plugin.api.signature;
