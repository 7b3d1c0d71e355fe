/**
 * The rollout as the Ministry of Interior steers it: which tenants enabling a set of regions
 * activates or blocks, readiness evaluations of large communes, follow-up commissions and the audit
 * trail of every rollout action.
 */
package ma.rokhsa.domain.model.rollout;
