package ma.rokhsa.plugin.api.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * A section of the form: a group of fields, possibly repeated (one per building, per level…).
 *
 * @param id its id, unique in the form
 * @param label its title
 * @param fields its fields
 * @param repeatable whether the applicant fills it in several times
 * @param minOccurs for a repeatable section: at least this many (when it applies)
 * @param maxOccurs for a repeatable section: at most this many
 * @param when the section applies only when this holds
 */
public record Section(
    String id,
    LocalizedText label,
    List<Field> fields,
    boolean repeatable,
    int minOccurs,
    int maxOccurs,
    Optional<Condition> when) {

  public Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    fields = List.copyOf(fields);
    if (minOccurs < 0 || maxOccurs < Math.max(1, minOccurs)) {
      throw new IllegalArgumentException(
          "section " + id + ": need 0 ≤ minOccurs ≤ maxOccurs, maxOccurs ≥ 1");
    }
  }
}
