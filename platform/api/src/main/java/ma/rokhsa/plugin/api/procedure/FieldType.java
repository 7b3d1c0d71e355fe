package ma.rokhsa.plugin.api.procedure;

/** The type of a form field, which decides how its value is read and checked. */
public enum FieldType {
  /** Free text; {@code pattern} and length bounds apply. */
  TEXT,
  /** A whole number; {@code min} and {@code max} apply. */
  INTEGER,
  /** A decimal number (surfaces in m², amounts); {@code min} and {@code max} apply. */
  DECIMAL,
  /** An ISO date ({@code 2026-11-29}). */
  DATE,
  /** Yes or no. */
  BOOLEAN,
  /** One of the field's {@code choices}. */
  CHOICE
}
