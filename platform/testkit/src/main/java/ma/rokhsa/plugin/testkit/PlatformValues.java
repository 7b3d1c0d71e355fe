package ma.rokhsa.plugin.testkit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The values the platform gives an authorization's template besides the form's: {@code
 * {{reference}}}, {@code {{applicant}}}, {@code {{commune}}} and {@code {{date}}}. The testkit
 * renders dates as ISO dates ({@code 2026-11-29}); the server may format them for each language.
 *
 * @param reference the dossier's reference
 * @param applicant the applicant's name
 * @param commune the name of the tenant that delivers the authorization
 * @param date the day it is delivered
 */
public record PlatformValues(String reference, String applicant, String commune, LocalDate date) {

  public PlatformValues {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(commune, "commune");
    Objects.requireNonNull(date, "date");
  }

  /** Plausible values, for tests that do not care which. */
  public static PlatformValues sample() {
    return new PlatformValues(
        "RKH-2026-000001", "Salma Idrissi", "Tétouan", LocalDate.of(2026, 11, 29));
  }

  /** The value of a platform placeholder; empty for any other name. */
  public Optional<String> value(String placeholder) {
    return Optional.ofNullable(
        switch (placeholder) {
          case "reference" -> reference;
          case "applicant" -> applicant;
          case "commune" -> commune;
          case "date" -> date.toString();
          default -> null;
        });
  }
}
