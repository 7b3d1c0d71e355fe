package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationDelivered;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationDownloaded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AuthorizationRevoked;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisFileAttached;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisGiven;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.AvisReminded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentAttached;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentDownloaded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DocumentRemoved;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierDeposited;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierMoved;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DossierViewed;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DraftCreated;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.DueDateRecounted;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ReceiptDownloaded;
import ma.rokhsa.domain.model.dossier.DossierDomainEvent.ValuesSaved;

/**
 * Writes what happens to dossiers into the tenant's audit trail: an observer of the dossiers'
 * domain events, called inside the transaction of the change, so the entry commits or rolls back
 * with it. (A complement request and a decision are recorded as the state change they come with.)
 */
@ApplicationScoped
public class DossierAudit {

  private AuditTrail audit;

  /** For CDI's proxy. */
  protected DossierAudit() {}

  @Inject
  DossierAudit(AuditTrail audit) {
    this.audit = audit;
  }

  void on(@Observes DraftCreated e) {
    record(e, "dossier.draft-created", e.dossier().procedure().toString());
  }

  void on(@Observes ValuesSaved e) {
    record(e, "dossier.values-saved", "");
  }

  void on(@Observes DocumentAttached e) {
    Attachment a = e.attachment();
    record(e, "dossier.document-uploaded", a.documentId() + " " + a.fileName() + " " + a.sha256());
  }

  void on(@Observes AvisFileAttached e) {
    Attachment a = e.attachment();
    record(e, "dossier.avis-attachment-uploaded", a.fileName() + " " + a.sha256());
  }

  void on(@Observes DocumentRemoved e) {
    record(
        e, "dossier.document-removed", e.attachment().documentId() + " " + e.attachment().sha256());
  }

  void on(@Observes DocumentDownloaded e) {
    record(
        e,
        "dossier.document-downloaded",
        e.attachment().documentId() + " " + e.attachment().sha256());
  }

  void on(@Observes DossierDeposited e) {
    record(e, "dossier.submitted", "state " + e.dossier().state().orElseThrow());
  }

  void on(@Observes ReceiptDownloaded e) {
    record(e, "dossier.receipt-downloaded", "");
  }

  void on(@Observes DossierViewed e) {
    record(e, "dossier.viewed", "");
  }

  void on(@Observes AvisGiven e) {
    record(e, "dossier.avis-given", e.avis().bodyId() + " " + e.avis().verdict().orElseThrow());
  }

  void on(@Observes DossierMoved e) {
    var t = e.transition();
    record(
        e,
        "dossier.state-changed",
        t.action()
            + ": "
            + t.from()
            + " -> "
            + t.to()
            + (e.tacitApproval() ? " (tacit approval)" : ""));
  }

  void on(@Observes AvisReminded e) {
    record(e, "dossier.avis-reminder", e.avis().bodyId() + " due " + e.avis().dueDate());
  }

  void on(@Observes DueDateRecounted e) {
    record(
        e,
        "dossier.due-date-recounted",
        "due " + e.former() + " -> " + e.dossier().dueDate().orElseThrow());
  }

  void on(@Observes AuthorizationDelivered e) {
    record(e, "dossier.authorization-signed", e.documentId() + " by " + e.signatory());
  }

  void on(@Observes AuthorizationDownloaded e) {
    record(e, "dossier.authorization-downloaded", e.documentId());
  }

  void on(@Observes AuthorizationRevoked e) {
    record(e, "dossier.authorization-revoked", e.documentId() + ": " + e.reason());
  }

  private void record(DossierDomainEvent e, String action, String detail) {
    audit.record(
        e.tenant(),
        new AuditEvent(
            e.by().username(),
            action,
            "dossier",
            e.dossier().describe(),
            detail,
            e.by().sourceAddress()));
  }
}
