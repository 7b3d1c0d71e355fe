package ma.rokhsa.infrastructure.search.changes;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a dossier's searchable facts. It names the dossier only: the applier reads the
 * dossier as it is now, so applying a change twice, or two changes in either order, gives the same
 * index.
 */
public record SearchChange(long seq, String tenant, String dossierId, Instant changedAt) {
  public SearchChange {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
