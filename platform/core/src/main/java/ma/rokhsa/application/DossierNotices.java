package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.eclipse.microprofile.config.Config;

/**
 * What the people concerned are told when a dossier moves, in their language, queued in the
 * transaction of the change (texts in {@code ma/rokhsa/application/notices_*.properties}).
 */
@ApplicationScoped
public class DossierNotices {

  private static final String EMAIL = "email";

  private Outbox outbox;
  private String publicUrl;

  /** For CDI's proxy. */
  protected DossierNotices() {}

  @Inject
  DossierNotices(Outbox outbox, Config config) {
    this.outbox = outbox;
    String publicUrl = config.getValue("rokhsa.public-url", String.class);
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }

  /** The public tracking page of a dossier (the tracking code is asked there, never put in it). */
  public String trackingPage(Dossier dossier) {
    return publicUrl + "api/public/tracking?reference=" + dossier.reference().orElseThrow();
  }

  void deposited(TenantId tenant, Tenant where, Dossier dossier, Procedures.Version procedure) {
    String lang = dossier.language();
    send(
        tenant,
        dossier.contactEmail(),
        lang,
        text(lang, "deposited.subject", dossier.reference().orElseThrow()),
        text(
            lang,
            "deposited.body",
            dossier.applicantName(),
            procedure.definition().name().in(lang),
            where.nameFr().equals(where.nameAr()) || "fr".equals(lang)
                ? where.nameFr()
                : where.nameAr(),
            dossier.reference().orElseThrow(),
            dossier.trackingCode().orElseThrow(),
            dossier.dueDate().map(Object::toString).orElse("-"),
            trackingPage(dossier)));
  }

  void moved(
      TenantId tenant,
      Dossier dossier,
      Procedures.Version procedure,
      Transition t,
      Optional<String> note) {
    String lang = dossier.language();
    LocalizedText stateLabel =
        procedure.definition().workflow().state(t.to()).orElseThrow().label();
    send(
        tenant,
        dossier.contactEmail(),
        lang,
        text(lang, "moved.subject", dossier.reference().orElseThrow(), stateLabel.in(lang)),
        text(
            lang,
            "moved.body",
            dossier.applicantName(),
            dossier.reference().orElseThrow(),
            stateLabel.in(lang),
            note.orElse("-"),
            dossier.dueDate().map(Object::toString).orElse("-"),
            trackingPage(dossier)));
  }

  void avisReminder(
      TenantId tenant,
      Dossier dossier,
      Procedures.Version procedure,
      Avis avis,
      List<String> recipients) {
    String body =
        procedure.definition().workflow().consultedBodies().stream()
            .filter(b -> b.id().equals(avis.bodyId()))
            .map(b -> b.label().fr())
            .findFirst()
            .orElse(avis.bodyId());
    for (String recipient : recipients) {
      send(
          tenant,
          recipient,
          "fr",
          text("fr", "reminder.subject", dossier.reference().orElseThrow(), body),
          text(
              "fr",
              "reminder.body",
              dossier.reference().orElseThrow(),
              procedure.definition().name().fr(),
              body,
              avis.dueDate().toString()));
    }
  }

  private void send(TenantId tenant, String to, String lang, String subject, String body) {
    outbox.enqueue(tenant, new Notification(EMAIL, to, lang, subject, body));
  }

  private static String text(String lang, String key, Object... args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle("ma.rokhsa.application.notices", Locale.forLanguageTag(lang));
    return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(lang)).format(args);
  }
}
