package ma.rokhsa.plugins.certificatdeconformite;

import java.util.List;
import java.util.Objects;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugins.completion.CompletionDates;
import org.pf4j.Extension;

/**
 * Certificat de conformité, for a building used otherwise than for housing. Like the permis
 * d'habiter it is delivered on the owner's déclaration d'achèvement des travaux (loi 12-90, art.
 * 55), for works done under a permis de construire, and in a lotissement built by the lotisseur
 * himself not before the réception provisoire of the lotissement (art. 57): the dates are judged by
 * the rules it shares with the permis d'habiter ({@link CompletionDates}), on the platform's legal
 * day.
 */
@Extension
public class CertificatDeConformite implements ProcedureProvider {

  private static final CompletionDates DATES =
      new CompletionDates(
          LocalizedText.of(
              "le certificat de conformité ne peut être délivré avant la réception provisoire du lotissement",
              "لا يمكن تسليم شهادة المطابقة قبل التسلم المؤقت للتجزئة"));

  private final PluginContext context;

  /** With the platform's context, which says which day it is in Morocco. */
  public CertificatDeConformite(PluginContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public ProcedureDefinition definition(DefinitionLoader loader) {
    return loader.load("procedure.yaml");
  }

  /**
   * The works are declared completed, so not on a day still to come, and not before the permis de
   * construire they were done under; a réception provisoire the delivery depends on must have been
   * held.
   */
  @Override
  public List<Violation> check(FormValues values) {
    return DATES.check(values, context.today());
  }
}
