/**
 * The signature providers of the started plugins, seen from the platform: which one a key lives in,
 * and a key opened for signing with its signatory's PIN ({@link
 * ma.rokhsa.infrastructure.signing.providers.ProviderSigningKey}), for the signing engine.
 */
package ma.rokhsa.infrastructure.signing.providers;
