/**
 * The public plugin API of Rokhsa: the extension points that procedure and signature-provider
 * plugins implement. Plain Java and PF4J only; it grows by default methods and never breaks a
 * released plugin without a deprecation first.
 */
package ma.rokhsa.plugin.api;
