package ma.rokhsa.application;

import java.util.List;
import java.util.Map;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.ComplementRequest;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * A dossier and what hangs from it, as one caller may see it: what a read answers, and what a
 * change answers with (built in the change's transaction, never read again).
 *
 * @param values the form's values, as given
 * @param complements the complement requests, with their items
 * @param allowed the actions this caller may take now
 * @param overdue whether its legal deadline has passed
 * @param fee what it costs as its values stand (the procedure's plugin counts it, in the
 *     transaction: a failure there refuses the change instead of failing its answer)
 */
public record DossierFile(
    Dossier dossier,
    Procedures.Version procedure,
    Map<String, Object> values,
    List<Attachment> attachments,
    List<Avis> avis,
    List<Complement> complements,
    List<DossierEvent> timeline,
    List<Transition> allowed,
    boolean overdue,
    Fee fee) {

  /**
   * A complement request and the items it asks for.
   *
   * @param items each item ({@code item}: what is missing or invalid, {@code reason}: why)
   */
  public record Complement(ComplementRequest request, List<Map<String, String>> items) {}
}
