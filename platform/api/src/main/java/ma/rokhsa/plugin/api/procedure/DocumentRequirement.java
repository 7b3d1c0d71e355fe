package ma.rokhsa.plugin.api.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * A document the applicant attaches (titre foncier, plans, note de calcul…).
 *
 * @param id its id ({@code plan-situation})
 * @param label what it is
 * @param required whether the dossier is incomplete without it (when it applies)
 * @param mediaTypes the types accepted, read from the file's bytes ({@code application/pdf})
 * @param maxBytes the largest file accepted
 * @param maxCount how many files of this kind at most
 * @param when it is required only when this holds
 */
public record DocumentRequirement(
    String id,
    LocalizedText label,
    boolean required,
    List<String> mediaTypes,
    long maxBytes,
    int maxCount,
    Optional<Condition> when) {

  public DocumentRequirement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    mediaTypes = List.copyOf(mediaTypes);
    if (mediaTypes.isEmpty() || maxBytes <= 0 || maxCount < 1) {
      throw new IllegalArgumentException(
          "document "
              + id
              + ": needs media types, a positive size limit and a count of at least 1");
    }
  }
}
