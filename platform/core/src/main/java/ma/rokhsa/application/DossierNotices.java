package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisReminded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierDeposited;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierMoved;
import ma.rokhsa.domain.model.identity.Account;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.eclipse.microprofile.config.Config;

/**
 * What the people concerned are told when a dossier moves, in their language: an observer of the
 * dossiers' domain events, queueing in the outbox inside the transaction of the change (texts in
 * {@code ma/rokhsa/application/notices_*.properties}).
 */
@ApplicationScoped
public class DossierNotices {

  private static final String EMAIL = "email";

  private Outbox outbox;
  private Procedures procedures;
  private TenantRepository tenants;
  private AccountService accounts;
  private String publicUrl;

  /** For CDI's proxy. */
  protected DossierNotices() {}

  @Inject
  DossierNotices(
      Outbox outbox,
      Procedures procedures,
      TenantRepository tenants,
      AccountService accounts,
      Config config) {
    this.outbox = outbox;
    this.procedures = procedures;
    this.tenants = tenants;
    this.accounts = accounts;
    String publicUrl = config.getValue("rokhsa.public-url", String.class);
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }

  /** The public tracking page of a dossier (the tracking code is asked there, never put in it). */
  public String trackingPage(Dossier dossier) {
    return publicUrl + "api/public/tracking?reference=" + dossier.reference().orElseThrow();
  }

  void deposited(@Observes DossierDeposited deposited) {
    TenantId tenant = deposited.tenant();
    Dossier dossier = deposited.dossier();
    Tenant where = tenants.find(tenant).orElseThrow();
    Procedures.Version procedure = procedures.version(dossier);
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

  void moved(@Observes DossierMoved moved) {
    TenantId tenant = moved.tenant();
    Dossier dossier = moved.dossier();
    Procedures.Version procedure = procedures.version(dossier);
    Transition t = moved.transition();
    Optional<String> note = moved.note();
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

  void avisReminder(@Observes AvisReminded reminded) {
    TenantId tenant = reminded.tenant();
    Dossier dossier = reminded.dossier();
    Procedures.Version procedure = procedures.version(dossier);
    Avis avis = reminded.avis();
    List<String> recipients =
        accounts.members(tenant).entrySet().stream()
            .filter(e -> e.getValue().contains(Role.COMMISSION_MEMBER))
            .map(Map.Entry::getKey)
            .map(Account::email)
            .flatMap(Optional::stream)
            .toList();
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
