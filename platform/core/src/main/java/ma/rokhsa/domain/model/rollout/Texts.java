package ma.rokhsa.domain.model.rollout;

import java.util.Objects;

/** Checks of the free texts the rollout records (names, evaluators, criteria). */
final class Texts {

  private Texts() {}

  /** {@code value} stripped; refused when missing, blank or longer than {@code max}. */
  static String required(String value, String field, int max) {
    Objects.requireNonNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (stripped.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, got " + stripped.length());
    }
    return stripped;
  }

  /** {@code value} cut to {@code max} characters, ending with an ellipsis when it was longer. */
  static String abbreviate(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "…";
  }
}
