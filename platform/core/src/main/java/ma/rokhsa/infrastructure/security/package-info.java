/**
 * Security primitives in plain Java: Argon2id password hashes, the RSA key that signs access
 * tokens, and the issuer of MicroProfile JWT access tokens. CDI beans wrap them; none holds state.
 */
package ma.rokhsa.infrastructure.security;
