package ma.rokhsa.plugins.completion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.Violation;

/**
 * The dates of a déclaration d'achèvement des travaux (loi 12-90, art. 55 and 57), as the permis
 * d'habiter and the certificat de conformité judge them: the works are declared completed, so not
 * on a day still to come, and not before the permis de construire they were done under (itself not
 * from the future); in a lotissement built by the lotisseur himself, the réception provisoire of
 * the lotissement must already have been held.
 *
 * <p>The form's fields it reads: {@code date_permis_construire}, {@code date_achevement}, {@code
 * construit_par_lotisseur} and {@code date_reception_provisoire}.
 *
 * <pre>{@code
 * CompletionDates dates = new CompletionDates(LocalizedText.of("le permis d'habiter ne peut …", "…"));
 * List<Violation> violations = dates.check(values, context.today());
 * }</pre>
 */
public final class CompletionDates {

  private final LocalizedText beforeReception;

  /**
   * @param beforeReception what the applicant reads when the réception provisoire is still to come
   *     (it names the authorization that cannot be delivered before it)
   */
  public CompletionDates(LocalizedText beforeReception) {
    this.beforeReception = Objects.requireNonNull(beforeReception, "beforeReception");
  }

  /** What is wrong with the dates of these values, {@code today} being the legal day. */
  public List<Violation> check(FormValues values, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    Optional<LocalDate> permit = values.date("date_permis_construire");
    Optional<LocalDate> completion = values.date("date_achevement");
    if (permit.isPresent() && permit.get().isAfter(today)) {
      violations.add(
          new Violation(
              "date_permis_construire",
              LocalizedText.of(
                  "la date du permis de construire est postérieure à aujourd'hui",
                  "تاريخ رخصة البناء لاحق لتاريخ اليوم")));
    }
    if (completion.isPresent() && completion.get().isAfter(today)) {
      violations.add(
          new Violation(
              "date_achevement",
              LocalizedText.of(
                  "les travaux ne peuvent être déclarés achevés à une date future",
                  "لا يمكن التصريح بانتهاء الأشغال في تاريخ لاحق")));
    } else if (completion.isPresent()
        && permit.isPresent()
        && completion.get().isBefore(permit.get())) {
      violations.add(
          new Violation(
              "date_achevement",
              LocalizedText.of(
                  "l'achèvement des travaux précède la délivrance du permis de construire",
                  "تاريخ انتهاء الأشغال سابق لتاريخ تسليم رخصة البناء")));
    }
    Optional<LocalDate> reception = values.date("date_reception_provisoire");
    if (values.bool("construit_par_lotisseur").orElse(false)
        && reception.isPresent()
        && reception.get().isAfter(today)) {
      violations.add(new Violation("date_reception_provisoire", beforeReception));
    }
    return violations;
  }
}
