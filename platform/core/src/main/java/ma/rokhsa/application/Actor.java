package ma.rokhsa.application;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.plugin.api.procedure.ActingRole;

/**
 * Who acts on a tenant's dossiers, in which roles there, and from where (for the audit trail).
 *
 * @param username the account, or {@code system} for the platform itself
 * @param roles the roles held in this tenant (applicants and architects hold theirs everywhere)
 * @param readOnly whether the caller only supervises this tenant
 * @param sourceAddress the client's address, empty for the platform
 * @param bodies the consulted bodies a commission member speaks for here (ADR 0023)
 */
public record Actor(
    String username, Set<Role> roles, boolean readOnly, String sourceAddress, Set<String> bodies) {

  public static final String SYSTEM = "system";

  public Actor {
    Objects.requireNonNull(username, "username");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    sourceAddress = sourceAddress == null ? "" : sourceAddress;
    bodies = bodies == null ? Set.of() : Set.copyOf(bodies);
  }

  /** An actor who speaks for no consulted body. */
  public Actor(String username, Set<Role> roles, boolean readOnly, String sourceAddress) {
    this(username, roles, readOnly, sourceAddress, Set.of());
  }

  /**
   * Requires that this commission member speaks for the consulted body: a member gives only the
   * avis of the body its grant names.
   *
   * @throws AccessDenied otherwise
   */
  public void requireSpeaksFor(String body) {
    if (!bodies.contains(body)) {
      throw new AccessDenied(
          "you speak for "
              + (bodies.isEmpty()
                  ? "no consulted body"
                  : String.join(", ", new java.util.TreeSet<>(bodies)))
              + " here, not for '"
              + body
              + "'");
    }
  }

  /** The platform itself, acting when a deadline passes. */
  public static Actor system() {
    return new Actor(SYSTEM, Set.of(), false, "");
  }

  public boolean isSystem() {
    return SYSTEM.equals(username);
  }

  /** The workflow roles these grants act in. */
  public Set<ActingRole> actingRoles() {
    Set<ActingRole> acting = EnumSet.noneOf(ActingRole.class);
    if (isSystem()) {
      acting.add(ActingRole.SYSTEM);
    }
    for (Role role : roles) {
      switch (role) {
        case APPLICANT, ARCHITECT -> acting.add(ActingRole.APPLICANT);
        case GUICHET_AGENT -> acting.add(ActingRole.GUICHET_AGENT);
        case COMMISSION_MEMBER -> acting.add(ActingRole.COMMISSION_MEMBER);
        case SIGNATORY -> acting.add(ActingRole.SIGNATORY);
        default -> {
          // admins and supervisors do not instruct dossiers
        }
      }
    }
    return acting;
  }

  /** Whether the caller works for the administration here (an agent or a supervisor). */
  public boolean administration() {
    return readOnly
        || roles.stream()
            .anyMatch(
                r -> r != Role.APPLICANT && r != Role.ARCHITECT && r.scope() != Role.Scope.NONE);
  }

  /** The role name recorded in the timeline for what this actor did. */
  public String roleFor(ActingRole acting) {
    return isSystem() ? "SYSTEM" : acting.name();
  }
}
