package ma.rokhsa.plugins.certificatdeconformite;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import org.pf4j.Extension;

/**
 * Certificat de conformité, for a building used otherwise than for housing. Like the permis
 * d'habiter it is delivered on the owner's déclaration d'achèvement des travaux (loi 12-90, art.
 * 55), for works done under a permis de construire: so the works must already be completed, and
 * completed after that permit was delivered. In a lotissement built by the lotisseur himself it
 * cannot be delivered before the réception provisoire of the lotissement (art. 57), so that
 * reception must already have taken place. Dates are judged on Moroccan time.
 */
@Extension
public class CertificatDeConformite implements ProcedureProvider {

  static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  private final Clock clock;

  public CertificatDeConformite() {
    this(Clock.system(MOROCCO));
  }

  /** With the clock that says which day it is (tests). */
  CertificatDeConformite(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  /**
   * The works are declared completed, so not on a day still to come, and not before the permis de
   * construire they were done under; a réception provisoire the permit depends on must have been
   * held.
   */
  @Override
  public List<Violation> check(FormValues values) {
    LocalDate today = LocalDate.now(clock);
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
      violations.add(
          new Violation(
              "date_reception_provisoire",
              LocalizedText.of(
                  "le certificat de conformité ne peut être délivré avant la réception"
                      + " provisoire du lotissement",
                  "لا يمكن تسليم شهادة المطابقة قبل التسلم المؤقت للتجزئة")));
    }
    return violations;
  }
}
