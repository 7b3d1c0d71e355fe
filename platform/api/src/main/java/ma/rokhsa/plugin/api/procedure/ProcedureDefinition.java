package ma.rokhsa.plugin.api.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * Everything the platform needs to offer a procedure.
 *
 * @param id stable kebab-case id ({@code permis-de-construire}); tenants enable procedures by it
 * @param version the version of these rules ({@code 1.2.0}); a dossier is instructed under the
 *     version it was deposited under
 * @param name its name, French and Arabic
 * @param tenantKinds the kinds of tenant that may offer it ({@code URBAN_COMMUNE}, {@code
 *     RURAL_COMMUNE}, {@code ARRONDISSEMENT}, {@code DECENTRALIZED_SERVICE}…)
 * @param form what the applicant fills in
 * @param documents the documents to attach
 * @param workflow states, transitions, consulted bodies and legal deadlines
 * @param fees how the fee is computed from the form
 * @param template the authorization delivered, French and Arabic
 */
public record ProcedureDefinition(
    String id,
    String version,
    LocalizedText name,
    Set<String> tenantKinds,
    FormDefinition form,
    List<DocumentRequirement> documents,
    Workflow workflow,
    FeeSchedule fees,
    AuthorizationTemplate template) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  public ProcedureDefinition {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("procedure id must be kebab-case: " + id);
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("procedure version must be MAJOR.MINOR.PATCH: " + version);
    }
    Objects.requireNonNull(name, "name");
    tenantKinds = Set.copyOf(tenantKinds);
    if (tenantKinds.isEmpty()) {
      throw new IllegalArgumentException("a procedure is offered by at least one kind of tenant");
    }
    Objects.requireNonNull(form, "form");
    documents = List.copyOf(documents);
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(template, "template");
  }

  /** The declared rules of the form and the procedure's own, in that order. */
  public List<Violation> validate(FormValues values, ProcedureProvider provider) {
    List<Violation> violations = form.validate(values);
    return violations.isEmpty() ? provider.check(values) : violations;
  }
}
