package ma.rokhsa.application;

import static ma.rokhsa.application.DossierAccess.actingOn;
import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ma.rokhsa.application.DossierWorkflow.Instructed;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.document.Authorization;
import ma.rokhsa.domain.model.document.Authorization.Condition;
import ma.rokhsa.domain.model.document.Authorization.FeeLine;
import ma.rokhsa.domain.model.document.Authorization.Mandate;
import ma.rokhsa.domain.model.document.AuthorizationId;
import ma.rokhsa.domain.model.document.AuthorizationRegister;
import ma.rokhsa.domain.model.document.AuthorizationRenderer;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.document.DeliveredAuthorization;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationDelivered;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationDownloaded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationRevoked;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.Verdict;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.signature.Signatory;
import ma.rokhsa.domain.model.signature.SignatureKey;
import ma.rokhsa.domain.model.signature.SignatureKeyRepository;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.infrastructure.signing.PlatformSigning;
import ma.rokhsa.infrastructure.signing.SignatureDetails;
import ma.rokhsa.infrastructure.signing.SigningKey;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Workflow.ConsultedBody;
import ma.rokhsa.plugin.api.procedure.Workflow.Transition;

/**
 * The transactional steps of delivery, one dossier each ({@link DeliveryService} coordinates a
 * batch around one opened key): who signs with which key; rendering, signing, storing and
 * registering one authorization and moving its dossier to delivered — all in one transaction, so
 * that a failure leaves the dossier, the register and the outbox as they were (only the signed
 * bytes may stay in the content store, unreferenced); reading the signed document; revoking it.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class AuthorizationDelivery {

  /** The largest signed authorization kept (a few hundred KB in practice). */
  private static final long MAX_SIGNED_BYTES = 50L * 1024 * 1024;

  private DossierWorkflow workflow;
  private SignatureKeyRepository keys;
  private SigningRights rights;
  private TenantRepository tenants;
  private AuthorizationRenderer renderer;
  private PlatformSigning signing;
  private ContentStore content;
  private AuthorizationRegister register;
  private DossierNotices notices;
  private AuditTrail audit;

  /** For CDI's proxy. */
  protected AuthorizationDelivery() {}

  @Inject
  AuthorizationDelivery(
      DossierWorkflow workflow,
      SignatureKeyRepository keys,
      SigningRights rights,
      TenantRepository tenants,
      AuthorizationRenderer renderer,
      PlatformSigning signing,
      ContentStore content,
      AuthorizationRegister register,
      DossierNotices notices,
      AuditTrail audit) {
    this.workflow = workflow;
    this.keys = keys;
    this.rights = rights;
    this.tenants = tenants;
    this.renderer = renderer;
    this.signing = signing;
    this.content = content;
    this.register = register;
    this.notices = notices;
    this.audit = audit;
  }

  /**
   * The caller as a signatory of the tenant, with the key they sign with now and, when they sign
   * under a mandate, the delegation printed on the document ("par délégation"). Who may sign is
   * {@link SigningRights}' answer, the one place that decides it.
   *
   * @throws SigningRefused NO_SIGNING_RIGHT if the caller does not hold the signatory role here, is
   *     not a named signatory of the tenant, or is an interim signatory with no mandate in force
   *     now; KEY_UNUSABLE if they hold no key that may sign now (none, revoked, expired, not bound)
   */
  public Signer signer(TenantContext context) {
    Actor actor = context.actor();
    if (!actor.actingRoles().contains(ActingRole.SIGNATORY) || actor.readOnly()) {
      throw new SigningRefused(
          SigningRefused.Why.NO_SIGNING_RIGHT,
          actor.username() + " does not hold the signatory role in " + context.tenant(),
          null);
    }
    SigningRight right = rights.resolve(context.tenant(), actor.username(), workflow.now());
    Signatory signatory = keys.signatory(right.signatoryId()).orElseThrow();
    Optional<Mandate> mandate =
        right
            .delegation()
            .map(d -> new Mandate(d.delegatorName(), d.delegatorTitle(), d.reference()));
    return new Signer(signatory, right.key(), mandate);
  }

  /**
   * A signatory, the key they sign with, and the mandate they sign under, if any.
   *
   * @param signatory as named in the tenant
   * @param key bound and usable when looked up
   * @param mandate the delegation printed on what they sign, when they sign for someone else
   */
  public record Signer(Signatory signatory, SignatureKey key, Optional<Mandate> mandate) {}

  /**
   * Signs and delivers one dossier's authorization with an opened key: renders it, signs it (PAdES
   * at the configured level), stores it, registers it, moves the dossier along its signature way
   * and tells the applicant. One transaction.
   *
   * @param mandate the delegation the signatory signs under, if any (printed on the document)
   * @throws RuleViolation if the dossier awaits no signature now
   * @throws StaleDossier if it changed since the caller read it
   */
  public Delivered deliver(
      TenantContext context,
      DossierId id,
      Signer signer,
      SigningKey key,
      Optional<Mandate> mandate,
      java.util.OptionalLong expectedVersion) {
    Actor actor = context.actor();
    Instructed at = workflow.visibleForUpdate(context.tenant(), actor, id);
    Dossier dossier = at.dossier();
    DossierWorkflow.expect(dossier, expectedVersion);
    Transition t =
        at.rules().allowed(dossier, actingOn(actor, dossier)).stream()
            .filter(way -> SignedDelivery.isSignature(at.rules().workflow(), way))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "dossier "
                            + dossier.describe()
                            + " awaits no signature in state "
                            + dossier.state().orElse("-")));
    Instant now = workflow.now();
    Tenant where = tenants.find(context.tenant()).orElseThrow();
    AuthorizationId documentId = AuthorizationId.next(context.tenant());
    Authorization authorization =
        authorization(at, where, documentId, signer.signatory(), mandate, now);
    byte[] pdf = renderer.render(authorization);
    byte[] signed =
        signing
            .signer()
            .sign(
                pdf,
                key,
                new SignatureDetails(
                    signer.signatory().fullName(),
                    "Autorisation délivrée — " + dossier.reference().orElseThrow(),
                    where.nameFr()),
                signing.level());
    StoredContent stored = content.put(new ByteArrayInputStream(signed), MAX_SIGNED_BYTES);
    for (DeliveredAuthorization earlier : register.ofDossier(dossier.id().value())) {
      earlier.supersede(documentId);
    }
    register.store(
        DeliveredAuthorization.register(
            documentId,
            dossier.id().value(),
            dossier.reference().orElseThrow(),
            dossier.procedure().id(),
            dossier.procedure().version(),
            authorization.contentHash(),
            stored,
            signer.signatory().id(),
            signer.signatory().fullName(),
            signer.key().id(),
            actor.username(),
            signing.level().label(),
            mandate.map(
                m -> m.delegatorName() + ", " + m.delegatorRole() + " (" + m.reference() + ")"),
            now));
    workflow.take(context.tenant(), actor, at, t, Optional.empty(), false, now);
    workflow.fire(
        new AuthorizationDelivered(
            context.tenant(),
            by(actor),
            dossier,
            at.procedure().definition(),
            documentId.toString(),
            signer.signatory().fullName()));
    return new Delivered(documentId.toString(), stored.sha256(), workflow.file(at, actor));
  }

  /**
   * A delivered authorization.
   *
   * @param documentId its public id
   * @param sha256 the signed PDF's SHA-256
   * @param dossier the dossier as the signatory sees it now
   */
  public record Delivered(String documentId, String sha256, DossierFile dossier) {}

  /** What the authorization of a dossier states, from its procedure's template and avis. */
  private Authorization authorization(
      Instructed at,
      Tenant where,
      AuthorizationId documentId,
      Signatory signatory,
      Optional<Mandate> mandate,
      Instant now) {
    Dossier dossier = at.dossier();
    ProcedureDefinition definition = at.procedure().definition();
    String date =
        DossierWorkflow.today(now)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    Function<String, Function<String, String>> platform =
        language ->
            name ->
                switch (name) {
                  case "reference" -> dossier.reference().orElseThrow();
                  case "applicant" -> dossier.applicantName();
                  case "commune" -> "ar".equals(language) ? where.nameAr() : where.nameFr();
                  case "date" -> date;
                  default -> null;
                };
    String fr;
    String ar;
    try {
      fr =
          at.procedure()
              .guarded(
                  () ->
                      definition
                          .template()
                          .render("fr", definition.form(), dossier.values(), platform.apply("fr")));
      ar =
          at.procedure()
              .guarded(
                  () ->
                      definition
                          .template()
                          .render("ar", definition.form(), dossier.values(), platform.apply("ar")));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("the authorization cannot be written: " + e.getMessage());
    }
    List<Condition> conditions = new ArrayList<>();
    for (Avis avis :
        dossier.avis().stream()
            .sorted(Comparator.comparingInt(Avis::round).thenComparing(Avis::id))
            .toList()) {
      boolean favorable =
          avis.verdict()
              .filter(v -> v == Verdict.FAVORABLE || v == Verdict.FAVORABLE_WITH_RESERVATIONS)
              .isPresent();
      Optional<String> text = avis.motivation().filter(m -> !m.isBlank());
      if (favorable && text.isPresent()) {
        LocalizedText body =
            definition.workflow().consultedBodies().stream()
                .filter(b -> b.id().equals(avis.bodyId()))
                .map(ConsultedBody::label)
                .findFirst()
                .orElse(LocalizedText.of(avis.bodyId(), avis.bodyId()));
        conditions.add(new Condition(body.fr(), body.ar(), text.get().strip()));
      }
    }
    Fee fee = at.procedure().fee(dossier.values());
    List<FeeLine> fees =
        fee.items().stream()
            .map(i -> new FeeLine(i.label().fr(), i.label().ar(), i.amount()))
            .toList();
    return new Authorization(
        documentId.toString(),
        dossier.reference().orElseThrow(),
        where.nameFr(),
        where.nameAr(),
        definition.name().fr(),
        definition.name().ar(),
        fr,
        ar,
        conditions,
        fees,
        signatory.fullName(),
        signatory.title(),
        mandate,
        now.atZone(DossierWorkflow.LEGAL_ZONE).toOffsetDateTime(),
        URI.create(notices.verificationPage(documentId.toString())));
  }

  /**
   * The dossier's signed authorization (its latest document), for download; the download is
   * recorded.
   *
   * @throws NotFound if the caller may not see the dossier, or it has no signed authorization
   */
  public SignedFile authorization(TenantContext context, DossierId id) {
    Actor actor = context.actor();
    Dossier dossier = workflow.visibleDossier(actor, id);
    DeliveredAuthorization document =
        register.ofDossier(dossier.id().value()).stream()
            .findFirst()
            .orElseThrow(
                () -> new NotFound("dossier " + id.value() + " has no signed authorization"));
    byte[] bytes;
    try (InputStream in = content.open(document.fileSha256())) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Recorded once the file is read: the entry takes the tenant's audit chain until the
    // transaction ends.
    workflow.fire(
        new AuthorizationDownloaded(
            context.tenant(), by(actor), dossier, document.id().toString()));
    return new SignedFile(document, bytes);
  }

  /**
   * A signed authorization and its register entry.
   *
   * @param document the register's entry
   * @param pdf the signed PDF
   */
  public record SignedFile(DeliveredAuthorization document, byte[] pdf) {}

  /**
   * Revokes a delivered authorization: motivated, audited, for good; public verification shows it
   * revoked from the commit on. Only the tenant's authority (signatory) or its admin may.
   *
   * @throws NotFound if the tenant has no such document
   * @throws AccessDenied if the caller may not revoke
   * @throws InvalidInput without a reason
   */
  public DeliveredAuthorization revoke(TenantContext context, AuthorizationId id, String reason) {
    Actor actor = context.actor();
    if (actor.readOnly()
        || !(actor.actingRoles().contains(ActingRole.SIGNATORY)
            || actor.roles().contains(Role.TENANT_ADMIN))) {
      throw new AccessDenied("revoking an authorization is the authority's");
    }
    if (!id.tenant().equals(context.tenant())) {
      throw new NotFound("no such document");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInput("reason: a revocation must be motivated");
    }
    DeliveredAuthorization document =
        register.findForUpdate(id).orElseThrow(() -> new NotFound("no such document"));
    if (document.revoke(reason, actor.username(), workflow.now())) {
      Dossier dossier = workflow.visibleDossier(actor, DossierId.of(document.dossierId()));
      workflow.fire(
          new AuthorizationRevoked(
              context.tenant(), by(actor), dossier, id.toString(), reason.strip()));
    }
    return document;
  }
}
