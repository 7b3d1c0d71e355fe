package ma.rokhsa.plugin.api.procedure;

import java.util.Objects;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * Something wrong in a dossier's form, told to the applicant.
 *
 * @param field where: a field id, or {@code section[2].field} inside a repeatable section
 * @param message why, in French and Arabic
 */
public record Violation(String field, LocalizedText message) {

  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
