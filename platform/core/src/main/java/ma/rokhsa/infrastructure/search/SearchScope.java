package ma.rokhsa.infrastructure.search;

import java.util.Objects;
import java.util.Set;

/**
 * Whose dossiers a caller may find: set by the server from the caller's identity, never from a
 * request parameter. Request filters only narrow it (a tenant outside the scope gives an empty
 * result). Drafts are seen only in {@link OwnDossiers}.
 */
public sealed interface SearchScope {

  /** Whether drafts can be found: only by the accounts they belong to. */
  default boolean seesDrafts() {
    return false;
  }

  /** An agent: the dossiers of these tenants (usually one commune). */
  record Tenants(Set<String> tenants) implements SearchScope {
    public Tenants {
      tenants = Set.copyOf(tenants);
    }
  }

  /** A province's supervisor: every tenant of the province. */
  record Province(String code) implements SearchScope {
    public Province {
      Objects.requireNonNull(code, "code");
    }
  }

  /** A region's supervisor. */
  record Region(String code) implements SearchScope {
    public Region {
      Objects.requireNonNull(code, "code");
    }
  }

  /** A national administrator: every dossier but drafts. */
  record National() implements SearchScope {}

  /** An applicant or architect: the dossiers of this account, drafts included. */
  record OwnDossiers(String account) implements SearchScope {
    public OwnDossiers {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public boolean seesDrafts() {
      return true;
    }
  }
}
