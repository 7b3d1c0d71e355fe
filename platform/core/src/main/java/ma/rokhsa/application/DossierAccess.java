package ma.rokhsa.application;

import java.util.EnumSet;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.plugin.api.procedure.ActingRole;

/**
 * Who may see and change which dossier — the access rules in one place. Applicants see and change
 * their own dossiers; the administration sees a tenant's deposited dossiers, never drafts, and acts
 * in the workflow roles it holds there. (Which tenant a caller may reach at all is decided before,
 * by the request's tenant boundary.)
 */
final class DossierAccess {

  private DossierAccess() {}

  /** Applicants see their own dossiers; the administration sees deposited ones, never drafts. */
  static boolean mayRead(Actor actor, Dossier dossier) {
    if (dossier.owner().equals(actor.username())) {
      return true;
    }
    return actor.administration() && dossier.phase() != Phase.DRAFT;
  }

  /** A dossier is changed by its applicant only (the administration acts in the workflow). */
  static void requireOwner(Actor actor, Dossier dossier) {
    if (!dossier.owner().equals(actor.username())) {
      throw new AccessDenied(
          "only the applicant who deposits dossier " + dossier.describe() + " may change it");
    }
  }

  static void requireActing(Actor actor, ActingRole role) {
    if (!actor.actingRoles().contains(role)) {
      throw new AccessDenied("this needs the role " + role + " in this tenant");
    }
  }

  /** The roles the actor acts in on this dossier: the applicant's only on their own. */
  static Set<ActingRole> actingOn(Actor actor, Dossier dossier) {
    Set<ActingRole> roles = EnumSet.noneOf(ActingRole.class);
    roles.addAll(actor.actingRoles());
    if (!dossier.owner().equals(actor.username())) {
      roles.remove(ActingRole.APPLICANT);
    }
    return roles;
  }

  static NotFound missing() {
    return new NotFound("no such dossier");
  }
}
