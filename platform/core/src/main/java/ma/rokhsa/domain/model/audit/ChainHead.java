package ma.rokhsa.domain.model.audit;

/**
 * What a tenant's chain head says: the last sequence appended and its hash. Kept apart from the
 * entries so that removing the newest entries (truncating the tail) is detected too.
 */
public record ChainHead(long lastSequence, String lastHash) {}
