/**
 * The REST API under {@code /api}: thin resources that validate a representation, turn it into
 * domain values and call one application service. Entities never go over the wire.
 */
package ma.rokhsa.interfaces.rest;
