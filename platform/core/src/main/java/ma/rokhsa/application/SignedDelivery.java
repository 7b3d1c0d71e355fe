package ma.rokhsa.application;

import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * Which way of a workflow is the signature that delivers the authorization: the signatory's way to
 * a terminal state from a state whose only way out it is (the authority reached that state
 * favorably; {@code signer} from {@code attente-signature} in every shipped procedure). Such a way
 * is taken only by signing ({@link DeliveryService}), never as a plain action.
 */
public final class SignedDelivery {

  private SignedDelivery() {}

  public static boolean isSignature(Workflow workflow, Transition t) {
    return t.by() == ActingRole.SIGNATORY
        && workflow.states().stream().anyMatch(s -> s.id().equals(t.to()) && s.terminal())
        && workflow.from(t.from()).size() == 1;
  }
}
