package ma.rokhsa.domain.model.tenant;

import java.util.List;
import java.util.Map;

/**
 * The tenant configuration read, checked and resolved: every tenant's profile with inheritance
 * applied, the rollout waves and the national rules.
 *
 * @param tenants each tenant's resolved profile, parents before children
 * @param waves the rollout waves, in order
 * @param signatureKeys the national signature-key policy
 * @param readinessThreshold communes above this population need a positive readiness evaluation
 *     before they are activated
 * @param digest SHA-256 of every file read, to tell whether anything changed
 */
public record TenantConfiguration(
    Map<TenantId, TenantProfile> tenants,
    List<RolloutWave> waves,
    SignatureKeyPolicy signatureKeys,
    long readinessThreshold,
    String digest) {}
