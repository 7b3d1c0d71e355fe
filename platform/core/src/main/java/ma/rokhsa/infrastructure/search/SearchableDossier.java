package ma.rokhsa.infrastructure.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import ma.rokhsa.domain.model.dossier.Phase;

/**
 * What the index knows of a dossier: its searchable facts, read from the database by the change
 * applier (not the JPA entity, so that the index stays a projection).
 *
 * @param id the dossier id (the document's identity)
 * @param reference the deposit reference, null for a draft
 * @param tenant the commune (or service) tenant id, e.g. {@code 06.141.01.01}
 * @param province the province or prefecture code, e.g. {@code 06.141}
 * @param region the region code, e.g. {@code 06}
 * @param commune the commune's names (French, Arabic) as shown in a work list, first one shown
 * @param procedure the procedure id
 * @param state the procedure state
 * @param phase draft, open or closed
 * @param depositedAt when it was deposited, null for a draft
 * @param dueDate the legal due date of the current step, null if none
 * @param applicantNames the applicant's names, in both scripts where known, first one shown
 * @param architectNames the architect's names
 * @param cins CIN numbers of the parties, as typed
 * @param ices ICE numbers
 * @param rcs registre de commerce numbers
 * @param titresFonciers titre foncier numbers of the parcels
 * @param address the project's address
 * @param formText the form's values, as text
 * @param avisSummaries the summaries of the avis given
 * @param accounts the accounts whose own dossier this is (applicant, architect)
 */
public record SearchableDossier(
    String id,
    String reference,
    String tenant,
    String province,
    String region,
    List<String> commune,
    String procedure,
    String state,
    Phase phase,
    Instant depositedAt,
    LocalDate dueDate,
    List<String> applicantNames,
    List<String> architectNames,
    List<String> cins,
    List<String> ices,
    List<String> rcs,
    List<String> titresFonciers,
    String address,
    String formText,
    List<String> avisSummaries,
    Set<String> accounts) {

  public SearchableDossier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(province, "province");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(procedure, "procedure");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(phase, "phase");
    commune = List.copyOf(commune);
    applicantNames = List.copyOf(applicantNames);
    architectNames = List.copyOf(architectNames);
    cins = List.copyOf(cins);
    ices = List.copyOf(ices);
    rcs = List.copyOf(rcs);
    titresFonciers = List.copyOf(titresFonciers);
    address = address == null ? "" : address;
    formText = formText == null ? "" : formText;
    avisSummaries = List.copyOf(avisSummaries);
    accounts = Set.copyOf(accounts);
  }
}
