/**
 * The platform's interfaces to the outside world, one subpackage per channel: {@code rest} for the
 * JSON API under {@code /api}, {@code web} for what the servlet container itself serves.
 */
package ma.rokhsa.interfaces;
