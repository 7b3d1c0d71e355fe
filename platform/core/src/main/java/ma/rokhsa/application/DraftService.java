package ma.rokhsa.application;

import static ma.rokhsa.application.DossierAccess.requireActing;
import static ma.rokhsa.application.DossierAccess.requireOwner;
import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import ma.rokhsa.application.DossierWorkflow.Instructed;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisFileAttached;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentAttached;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentRemoved;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DraftCreated;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ValuesSaved;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.FormContent;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.Violation;

/**
 * An applicant's drafts, and their files: starting one, its form's values, its documents (and a
 * commission member's files for an avis). Also what the applicant changes when the procedure gives
 * them a turn (complements). One method per request, one transaction each.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DraftService {

  /** What a body may attach to its avis: PDF or images, 20 MB, 5 files. */
  public static final DocumentRequirement AVIS_ATTACHMENT =
      new DocumentRequirement(
          "avis",
          LocalizedText.of("Pièce jointe à l'avis", "مرفق بالرأي"),
          false,
          List.of("application/pdf", "image/jpeg", "image/png"),
          20L * 1024 * 1024,
          5,
          Optional.empty());

  private DossierWorkflow workflow;
  private DossierRepository dossiers;
  private Procedures procedures;
  private TenantRepository tenants;

  /** For CDI's proxy. */
  protected DraftService() {}

  @Inject
  DraftService(
      DossierWorkflow workflow,
      DossierRepository dossiers,
      Procedures procedures,
      TenantRepository tenants) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.procedures = procedures;
    this.tenants = tenants;
  }

  /**
   * Starts a draft for a procedure the tenant offers.
   *
   * @return the new draft, as its applicant sees it
   * @throws NotFound if the tenant does not offer the procedure
   * @throws RuleViolation if the tenant does not take deposits yet
   */
  public DossierFile createDraft(
      TenantContext context,
      String procedureId,
      String applicantName,
      String contactEmail,
      String language,
      Map<String, Object> values) {
    Actor actor = context.actor();
    requireActing(actor, ActingRole.APPLICANT);
    Tenant where = tenants.find(context.tenant()).orElseThrow();
    if (!where.status().acceptsDeposits()) {
      throw new RuleViolation(
          "tenant " + context.tenant() + " does not take deposits yet (" + where.status() + ")");
    }
    Procedures.Version procedure = procedures.current(where, procedureId);
    Instant now = workflow.now();
    Dossier dossier;
    try {
      dossier =
          Dossier.draft(
              DossierId.random(),
              procedure.ref(),
              actor.username(),
              applicantName,
              requireEmail(contactEmail),
              language,
              FormContent.of(values),
              now);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(e.getMessage());
    }
    dossiers.store(dossier);
    workflow.timeline(
        dossier, actor, ActingRole.APPLICANT, "brouillon-cree", Optional.empty(), now);
    workflow.fire(new DraftCreated(context.tenant(), by(actor), dossier));
    return workflow.file(workflow.instructed(context.tenant(), dossier, procedure), actor);
  }

  private static String requireEmail(String address) {
    if (address == null || !address.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInput("contactEmail: not an e-mail address");
    }
    return address.strip();
  }

  /**
   * Replaces the form's values of a draft (or of a dossier awaiting the applicant's complements).
   *
   * @return the dossier, as its applicant sees it now
   */
  public DossierFile saveValues(
      TenantContext context,
      DossierId id,
      Map<String, Object> values,
      OptionalLong expectedVersion) {
    Actor actor = context.actor();
    Instructed at = workflow.visible(context.tenant(), actor, id);
    Dossier dossier = at.dossier();
    requireOwner(actor, dossier);
    DossierWorkflow.expect(dossier, expectedVersion);
    dossier.replaceValues(at.rules(), FormContent.of(values), workflow.now());
    workflow.fire(new ValuesSaved(context.tenant(), by(actor), dossier));
    return workflow.file(at, actor);
  }

  /** What is wrong with the dossier's form and documents; empty when it can be submitted. */
  public List<Violation> validate(TenantContext context, DossierId id) {
    return DossierWorkflow.problems(workflow.visible(context.tenant(), context.actor(), id));
  }

  /** The limits a file for this document must respect, checked before anything is stored. */
  public DocumentRequirement uploadRules(
      TenantContext context, DossierId id, String documentId, boolean forAvis) {
    Actor actor = context.actor();
    Dossier dossier = workflow.visibleDossier(actor, id);
    if (forAvis) {
      requireActing(actor, ActingRole.COMMISSION_MEMBER);
      return AVIS_ATTACHMENT;
    }
    requireOwner(actor, dossier);
    Instructed at = workflow.instructed(context.tenant(), dossier);
    dossier.requireApplicantMayEdit(at.rules());
    DocumentRequirement doc = requirement(at.procedure(), documentId);
    // Checked again when the file is attached; here, before its bytes are stored.
    if (dossier.currentFiles(documentId).size() >= doc.maxCount()
        && dossier.phase() == Phase.DRAFT) {
      throw new RuleViolation(
          "document " + documentId + " takes at most " + doc.maxCount() + " file(s)");
    }
    return doc;
  }

  /** The bytes of documents the caller has uploaded, in every tenant (see its upload quota). */
  public long bytesUploadedBy(TenantContext context) {
    return dossiers.bytesUploadedBy(context.actor().username());
  }

  /**
   * Attaches a stored file to one of the procedure's documents (by the applicant) or to a body's
   * avis (by a commission member).
   */
  public Attachment attach(
      TenantContext context,
      DossierId id,
      String documentId,
      Optional<String> avisBody,
      String fileName,
      StoredContent stored) {
    Actor actor = context.actor();
    Dossier dossier = workflow.visibleDossier(actor, id);
    Instant now = workflow.now();
    if (avisBody.isPresent()) {
      requireActing(actor, ActingRole.COMMISSION_MEMBER);
      actor.requireSpeaksFor(avisBody.get());
      Attachment a = dossier.attachToAvis(avisBody.get(), fileName, stored, actor.username(), now);
      dossiers.flush();
      workflow.fire(new AvisFileAttached(context.tenant(), by(actor), dossier, a));
      return a;
    }
    requireOwner(actor, dossier);
    Instructed at = workflow.instructed(context.tenant(), dossier);
    dossier.requireApplicantMayEdit(at.rules());
    DocumentRequirement doc = requirement(at.procedure(), documentId);
    if (!doc.mediaTypes().contains(stored.mediaType())) {
      throw new UnsupportedContent(documentId + " does not accept " + stored.mediaType());
    }
    Attachment a = dossier.attach(at.rules(), doc, fileName, stored, actor.username(), now);
    dossiers.flush();
    workflow.timeline(
        dossier,
        actor,
        ActingRole.APPLICANT,
        "document-ajoute",
        Optional.of(documentId + ": " + a.fileName()),
        now);
    workflow.fire(new DocumentAttached(context.tenant(), by(actor), dossier, a));
    return a;
  }

  private static DocumentRequirement requirement(Procedures.Version procedure, String documentId) {
    return procedure.definition().documents().stream()
        .filter(d -> d.id().equals(documentId))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFound(
                    "procedure " + procedure.id() + " has no document '" + documentId + "'"));
  }

  /** Removes a file from a draft. */
  public void detach(TenantContext context, DossierId id, Long attachmentId) {
    Actor actor = context.actor();
    Instructed at = workflow.visible(context.tenant(), actor, id);
    Dossier dossier = at.dossier();
    requireOwner(actor, dossier);
    dossier.requireApplicantMayEdit(at.rules());
    Attachment a =
        dossier.attachment(attachmentId).orElseThrow(() -> new NotFound("no such attachment"));
    dossier.detach(at.rules(), a);
    workflow.fire(new DocumentRemoved(context.tenant(), by(actor), dossier, a));
  }
}
