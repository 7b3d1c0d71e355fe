package ma.rokhsa.application;

import static ma.rokhsa.application.DossierAccess.requireOwner;
import static ma.rokhsa.application.DossierWorkflow.LEGAL_ZONE;
import static ma.rokhsa.application.DossierWorkflow.by;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ma.rokhsa.application.DossierWorkflow.Instructed;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import ma.rokhsa.domain.model.document.ReceiptRenderer;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierDeposited;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ReceiptDownloaded;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierReference;
import ma.rokhsa.domain.model.dossier.DossierRepository;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantRepository;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.Violation;

/**
 * Deposits: a draft becomes a dossier with its reference, tracking code and due date, under the
 * procedure version new deposits follow; and its receipt (récépissé).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DepositService {

  private static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int TRACKING_LENGTH = 12;

  private DossierWorkflow workflow;
  private DossierRepository dossiers;
  private Procedures procedures;
  private TenantRepository tenants;
  private ReceiptRenderer receipts;
  private final SecureRandom random = new SecureRandom();

  /** For CDI's proxy. */
  protected DepositService() {}

  @Inject
  DepositService(
      DossierWorkflow workflow,
      DossierRepository dossiers,
      Procedures procedures,
      TenantRepository tenants,
      ReceiptRenderer receipts) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.procedures = procedures;
    this.tenants = tenants;
    this.receipts = receipts;
  }

  /**
   * Deposits the dossier. Idempotent: submitting again with the same key answers the same
   * submission; a dossier deposited under another key (or none) is not deposited twice.
   *
   * @throws Incomplete listing what is missing or invalid
   */
  public Submission submit(TenantContext context, DossierId id, Optional<String> key) {
    Actor actor = context.actor();
    // Locked first, its version looked up once it is known to be a draft to deposit.
    Dossier dossier = workflow.lockedVisible(actor, id);
    requireOwner(actor, dossier);
    if (dossier.phase() != Phase.DRAFT) {
      if (key.isPresent() && key.equals(dossier.submitKey())) {
        return new Submission(dossier, true);
      }
      throw new RuleViolation("dossier " + dossier.describe() + " is already deposited");
    }
    Tenant where = tenants.find(context.tenant()).orElseThrow();
    if (!where.status().acceptsDeposits()) {
      throw new RuleViolation("tenant " + context.tenant() + " does not take deposits now");
    }
    // A draft is deposited under the version new deposits follow now: the one lookup of the
    // procedure version in this request, whose rules check the draft and set its deadline.
    Procedures.Version current = procedures.current(where, dossier.procedure().id());
    if (!current.ref().equals(dossier.procedure())) {
      dossier.repin(current.ref());
    }
    Instructed at = workflow.instructed(context.tenant(), dossier, current);
    List<Violation> violations = DossierWorkflow.problems(at);
    if (!violations.isEmpty()) {
      throw new Incomplete(violations);
    }
    Instant now = workflow.now();
    LocalDate today = DossierWorkflow.today(now);
    long number = dossiers.nextReferenceNumber(context.tenant(), today.getYear());
    DossierReference reference = new DossierReference(context.tenant(), today.getYear(), number);
    at.rules()
        .submit(dossier, dossier.values(), reference, trackingCode(), key.orElse(null), today, now);
    workflow.timeline(dossier, actor, ActingRole.APPLICANT, "deposer", Optional.empty(), now);
    workflow.fire(new DossierDeposited(context.tenant(), by(actor), dossier, current.definition()));
    dossiers.flush();
    return new Submission(dossier, false);
  }

  /**
   * A deposit.
   *
   * @param dossier the dossier deposited
   * @param replayed whether this answers a repeated submission
   */
  public record Submission(Dossier dossier, boolean replayed) {}

  private String trackingCode() {
    StringBuilder code = new StringBuilder(TRACKING_LENGTH);
    for (int i = 0; i < TRACKING_LENGTH; i++) {
      code.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The deposit receipt (récépissé), as a PDF.
   *
   * @param trackingPage the public tracking address of a deposited dossier (its QR code)
   */
  public ReceiptFile receipt(
      TenantContext context, DossierId id, Function<Dossier, URI> trackingPage) {
    Actor actor = context.actor();
    Instructed at = workflow.visible(context.tenant(), actor, id);
    Dossier dossier = at.dossier();
    if (dossier.phase() == Phase.DRAFT) {
      throw new RuleViolation("a draft has no receipt: submit it first");
    }
    Tenant where = tenants.find(context.tenant()).orElseThrow();
    Procedures.Version procedure = at.procedure();
    List<ReceiptItem> items = new ArrayList<>();
    for (Attachment a : sortedById(dossier.attachments())) {
      if (a.avisBody().isPresent() || a.uploadedAt().isAfter(dossier.submittedAt().orElseThrow())) {
        continue;
      }
      LocalizedText label =
          procedure.definition().documents().stream()
              .filter(d -> d.id().equals(a.documentId()))
              .map(DocumentRequirement::label)
              .findFirst()
              .orElse(LocalizedText.of(a.documentId(), a.documentId()));
      items.add(new ReceiptItem(label.fr(), label.ar(), a.fileName(), a.sha256()));
    }
    Receipt receipt =
        new Receipt(
            dossier.reference().orElseThrow(),
            dossier.trackingCode().orElseThrow(),
            where.nameFr(),
            where.nameAr(),
            procedure.definition().name().fr(),
            procedure.definition().name().ar(),
            dossier.applicantName(),
            dossier.submittedAt().orElseThrow().atZone(LEGAL_ZONE).toOffsetDateTime(),
            items,
            trackingPage.apply(dossier),
            procedure.fee(dossier.values()).total());
    byte[] pdf = receipts.render(receipt);
    // Recorded once the PDF is rendered: the entry takes the tenant's audit chain until the
    // transaction ends, and a rendering that fails downloads nothing.
    workflow.fire(new ReceiptDownloaded(context.tenant(), by(actor), dossier));
    return new ReceiptFile(dossier.reference().orElseThrow(), pdf);
  }

  private static List<Attachment> sortedById(List<Attachment> attachments) {
    return attachments.stream().sorted(java.util.Comparator.comparing(Attachment::id)).toList();
  }

  /**
   * A receipt.
   *
   * @param reference the dossier's reference (the file is named after it)
   * @param pdf the document
   */
  public record ReceiptFile(String reference, byte[] pdf) {}
}
