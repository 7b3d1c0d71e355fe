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
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationDelivered;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisReminded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ComplementsRequested;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DecisionTaken;
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
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;
import org.eclipse.microprofile.config.Config;

/**
 * What the people concerned are told when a dossier moves, in their language: an observer of the
 * dossiers' domain events, queueing in the outbox inside the transaction of the change (texts in
 * {@code ma/rokhsa/application/notices_*.properties}). The applicant hears of the deposit, of each
 * move, of the complements asked and of the decision — one e-mail per action; the commission, of
 * the avis coming due.
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

  /**
   * The public tracking page of a dossier, for people (the pages' {@code /track}; the API's is
   * {@code api/public/tracking}): the tracking code is asked there, never put in it.
   */
  public String trackingPage(Dossier dossier) {
    return publicUrl + "track?reference=" + dossier.reference().orElseThrow();
  }

  void deposited(@Observes DossierDeposited deposited) {
    TenantId tenant = deposited.tenant();
    Dossier dossier = deposited.dossier();
    Tenant where = tenants.find(tenant).orElseThrow();
    ProcedureDefinition procedure = deposited.procedure();
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
            procedure.name().in(lang),
            where.nameFr().equals(where.nameAr()) || "fr".equals(lang)
                ? where.nameFr()
                : where.nameAr(),
            dossier.reference().orElseThrow(),
            dossier.trackingCode().orElseThrow(),
            dossier.dueDate().map(Object::toString).orElse("-"),
            trackingPage(dossier)));
  }

  /**
   * A move, told to the applicant: complements asked and decisions have notices of their own
   * ({@link #complementsRequested}, {@link #decided}), so that one action sends one e-mail.
   */
  void moved(@Observes DossierMoved moved) {
    if (moved.complementsRequested()
        || moved.decided()
        || SignedDelivery.isSignature(moved.procedure().workflow(), moved.transition())) {
      return;
    }
    TenantId tenant = moved.tenant();
    Dossier dossier = moved.dossier();
    Transition t = moved.transition();
    Optional<String> note = moved.note();
    String lang = dossier.language();
    LocalizedText stateLabel = stateLabel(moved.procedure(), t.to());
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

  /**
   * The public verification page of a delivered authorization, for people (the pages' {@code
   * /verify/<id>}; the API's is {@code api/public/verification/<id>}), where its QR code leads.
   */
  public String verificationPage(String documentId) {
    return publicUrl + "verify/" + documentId;
  }

  /** The authorization is signed: where to get it and how anyone checks it. */
  void delivered(@Observes AuthorizationDelivered delivered) {
    Dossier dossier = delivered.dossier();
    String lang = dossier.language();
    String procedure = delivered.procedure().name().in(lang);
    send(
        delivered.tenant(),
        dossier.contactEmail(),
        lang,
        text(lang, "delivered.subject", dossier.reference().orElseThrow(), procedure),
        text(
            lang,
            "delivered.body",
            dossier.applicantName(),
            procedure,
            dossier.reference().orElseThrow(),
            delivered.signatory(),
            delivered.documentId(),
            verificationPage(delivered.documentId())));
  }

  /** The guichet asks the applicant for complements: what, and until when, in their language. */
  void complementsRequested(@Observes ComplementsRequested requested) {
    Dossier dossier = requested.dossier();
    String lang = dossier.language();
    StringBuilder items = new StringBuilder();
    for (Map<String, String> item : requested.items()) {
      items
          .append("- ")
          .append(item.getOrDefault("item", "?"))
          .append(" : ")
          .append(item.getOrDefault("reason", ""))
          .append('\n');
    }
    send(
        requested.tenant(),
        dossier.contactEmail(),
        lang,
        text(lang, "complements.subject", dossier.reference().orElseThrow()),
        text(
            lang,
            "complements.body",
            dossier.applicantName(),
            dossier.reference().orElseThrow(),
            requested.procedure().name().in(lang),
            items.toString(),
            dossier.dueDate().map(Object::toString).orElse("-"),
            trackingPage(dossier)));
  }

  /** The authority decided (or silence did): the decision, and its motivation. */
  void decided(@Observes DecisionTaken decision) {
    Dossier dossier = decision.dossier();
    String lang = dossier.language();
    LocalizedText stateLabel = stateLabel(decision.procedure(), dossier.state().orElseThrow());
    String motivation =
        decision.tacit()
            ? text(lang, "decision.tacit")
            : decision.motivation().filter(m -> !m.isBlank()).orElse("-");
    send(
        decision.tenant(),
        dossier.contactEmail(),
        lang,
        text(lang, "decision.subject", dossier.reference().orElseThrow(), stateLabel.in(lang)),
        text(
            lang,
            "decision.body",
            dossier.applicantName(),
            dossier.reference().orElseThrow(),
            decision.procedure().name().in(lang),
            stateLabel.in(lang),
            motivation,
            dossier.dueDate().map(Object::toString).orElse("-"),
            trackingPage(dossier)));
  }

  private static LocalizedText stateLabel(ProcedureDefinition procedure, String state) {
    return procedure.workflow().state(state).orElseThrow().label();
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
