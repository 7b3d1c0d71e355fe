/**
 * A tenant's signatories and the signature keys (issued by Barid eSign) assigned to them, within
 * the quota its size grants, plus the keys it buys beyond that at its own cost. Tenant-owned: every
 * entity here is isolated by the tenant discriminator.
 */
package ma.rokhsa.domain.model.signature;
