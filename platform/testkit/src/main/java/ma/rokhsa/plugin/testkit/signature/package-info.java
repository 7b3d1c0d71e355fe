/**
 * For signature-provider plugins: {@link
 * ma.rokhsa.plugin.testkit.signature.SignatureProviderContract}, the behaviour every provider that
 * creates credentials must show, and a {@link ma.rokhsa.plugin.testkit.signature.TestAuthority} to
 * certify their keys in tests.
 */
package ma.rokhsa.plugin.testkit.signature;
