/**
 * Authentication and role checks of the REST API: bearer tokens verified on every request, the
 * caller made available to resources, {@link ma.rokhsa.interfaces.rest.security.Allowed} enforced
 * (401 without a valid token, 403 without the role).
 */
package ma.rokhsa.interfaces.rest.security;
