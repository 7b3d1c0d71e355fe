package ma.rokhsa.application;

import java.util.Collection;
import java.util.Set;
import ma.rokhsa.domain.model.identity.Role;

/**
 * Who must sign in with a second factor (ADR 0032): the national admin, when demo mode is off —
 * except the usernames the test suites list in {@code rokhsa.insecure.second-factor-exempt}.
 *
 * @param requiredForNationalAdmin whether a national admin without one must enroll before signing
 *     in
 * @param issuer the name authenticator apps show for the platform's codes
 * @param exempt national admins who may sign in without one all the same (tests only)
 */
public record SecondFactorPolicy(
    boolean requiredForNationalAdmin, String issuer, Set<String> exempt) {

  public SecondFactorPolicy {
    exempt = Set.copyOf(exempt);
  }

  /** Whether an account with these roles must have a second factor to sign in. */
  public boolean requires(String username, Collection<Role> roles) {
    return requiredForNationalAdmin
        && roles.contains(Role.NATIONAL_ADMIN)
        && !exempt.contains(username);
  }
}
