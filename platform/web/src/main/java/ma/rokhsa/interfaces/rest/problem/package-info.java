/**
 * RFC 9457 problem details: every error the platform returns, from JAX-RS and from the servlet
 * container alike, is {@code application/problem+json} with a stable type URI and a logged id.
 */
package ma.rokhsa.interfaces.rest.problem;
