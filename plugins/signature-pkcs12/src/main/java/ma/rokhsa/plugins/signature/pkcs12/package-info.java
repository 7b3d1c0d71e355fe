/**
 * The embedded default signature provider: a PKCS#12 soft token per credential under the plugin's
 * data directory, unlocked by its PIN for one session at a time, locked after repeated wrong PINs.
 */
package ma.rokhsa.plugins.signature.pkcs12;
