/**
 * A signature provider for USB tokens and hardware security modules, through the JDK's SunPKCS11:
 * keys made and kept on the token, unlocked by the user PIN for one session at a time.
 */
package ma.rokhsa.plugins.signature.pkcs11;
