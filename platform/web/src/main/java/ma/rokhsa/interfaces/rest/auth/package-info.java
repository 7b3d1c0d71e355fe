/** Sign-in: password sign-in for the platform's own access tokens, and who the caller is. */
package ma.rokhsa.interfaces.rest.auth;
