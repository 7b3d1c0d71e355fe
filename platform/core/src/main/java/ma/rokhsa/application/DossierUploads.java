package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.domain.model.document.ContentTooLarge;
import ma.rokhsa.domain.model.document.MediaTypeDetector;
import ma.rokhsa.domain.model.document.StoredContent;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;

/**
 * Receives a file for a dossier: checks who may attach what, reads the type from the first bytes,
 * stores the bytes by their SHA-256 within the document's size limit, then records the attachment.
 * A file refused for its type or size leaves nothing behind, in the store or the database.
 */
@ApplicationScoped
public class DossierUploads {

  private DraftService dossiers;
  private ContentStore store;
  private MediaTypeDetector types;
  private long quota;

  /** For CDI's proxy. */
  protected DossierUploads() {}

  @Inject
  DossierUploads(
      DraftService dossiers,
      ContentStore store,
      MediaTypeDetector types,
      ma.rokhsa.infrastructure.config.RokhsaSettings settings) {
    this.dossiers = dossiers;
    this.store = store;
    this.types = types;
    this.quota = settings.uploadQuotaPerAccount();
  }

  /**
   * Attaches a file.
   *
   * @param avisBody the consulted body whose avis the file supports, or empty for a document
   * @throws UnsupportedContent if the bytes are not of a type the document accepts
   * @throws ContentTooLarge if the file is over the document's limit
   * @throws UploadQuotaExceeded if the applicant's documents would pass the account's quota (avis
   *     files have none). Concurrent uploads of one account may each pass the check, so the quota
   *     may be passed by the files uploaded at the same moment, never more.
   */
  public Attachment upload(
      TenantContext context,
      DossierId dossier,
      String documentId,
      Optional<String> avisBody,
      String fileName,
      InputStream bytes) {
    DocumentRequirement rules =
        dossiers.uploadRules(context, dossier, documentId, avisBody.isPresent());
    try {
      byte[] head = bytes.readNBytes(MediaTypeDetector.HEAD_BYTES);
      String type = types.detect(head);
      if (!rules.mediaTypes().contains(type)) {
        throw new UnsupportedContent(
            "the file's content is "
                + type
                + ", but "
                + rules.id()
                + " accepts only "
                + String.join(", ", rules.mediaTypes()));
      }
      long used = 0;
      long limit = rules.maxBytes();
      if (avisBody.isEmpty() && quota > 0) {
        used = dossiers.bytesUploadedBy(context);
        if (used >= quota) {
          throw new UploadQuotaExceeded(quota, used);
        }
        limit = Math.min(limit, quota - used);
      }
      StoredContent stored;
      try {
        stored = store.put(new SequenceInputStream(new ByteArrayInputStream(head), bytes), limit);
      } catch (ContentTooLarge tooLarge) {
        if (limit < rules.maxBytes()) {
          throw new UploadQuotaExceeded(quota, used);
        }
        throw tooLarge;
      }
      return dossiers.attach(context, dossier, documentId, avisBody, fileName, stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
