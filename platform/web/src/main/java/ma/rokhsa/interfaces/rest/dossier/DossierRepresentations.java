package ma.rokhsa.interfaces.rest.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.rokhsa.application.DossierFile;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Avis;
import ma.rokhsa.domain.model.dossier.ComplementRequest;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierEvent;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Violation;
import ma.rokhsa.plugin.api.procedure.Workflow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of dossiers. */
public final class DossierRepresentations {

  private DossierRepresentations() {}

  /** A new draft. */
  public static class NewDossier {
    /** The procedure's id ({@code permis-de-construire}). */
    @NotBlank @Size(max = 100) public String procedure;

    /** Who asks: the person or company the authorization names. */
    @NotBlank @Size(max = 200) public String applicantName;

    /** Where notices about the dossier go. */
    @NotBlank @Size(max = 254) public String contactEmail;

    /** {@code fr} or {@code ar}: the language of notices. */
    @Size(max = 2) public String language;

    /** The form's values so far (field id → value). */
    public Map<String, Object> values;
  }

  /** New values of the form. */
  public static class NewValues {
    public Map<String, Object> values;
  }

  /** What an action carries. */
  @Schema(
      name = "ActionRequest",
      description = "What an action carries; most actions need nothing (send {} or no body).")
  public static class ActionRequest {
    /** Why: required for a refusal; the answer to a complement request. */
    @Schema(
        description =
            "Why: required for a refusal (such as decider-defavorable); with completer, the"
                + " applicant's answer to the complement request; otherwise a note in the"
                + " dossier's timeline.",
        example = "Le recul sur voie n'est pas respecté.")
    @Size(max = 8000) public String motivation;

    /** For a complement request: each item asked for. */
    @Schema(
        description =
            "For demander-complements (required there, at least one): each item asked for.")
    @Size(max = 20) public List<@NotNull @Valid ComplementItem> items;

    /** For the signature that delivers the authorization: the signatory's PIN, never stored. */
    @Schema(
        description =
            "For signer (the signature that delivers the authorization): the PIN that unlocks the"
                + " signatory's key for this one session. Never stored nor logged.",
        example = "482913")
    @Size(max = 128) public String pin;
  }

  /** One item of a complement request: what is asked for, and why. */
  @Schema(
      name = "ComplementItem",
      description =
          "One item of a complement request: what is missing or wrong, and why the applicant must"
              + " provide it again. Other keys are ignored.")
  public static class ComplementItem {
    @Schema(
        description =
            "What is asked for: the id of one of the procedure's documents, or of a form field.",
        example = "certificat-propriete",
        required = true)
    @NotBlank @Size(max = 190) public String item;

    @Schema(
        description = "Why it is asked for, as the applicant will read it.",
        example = "daté de plus de 3 mois",
        required = true)
    @Size(max = 190) public String reason;

    /** For JSON-B. */
    public ComplementItem() {}

    public ComplementItem(String item, String reason) {
      this.item = item;
      this.reason = reason;
    }

    /** The items as the dossier service takes them: {@code item} and {@code reason} keys. */
    public static List<Map<String, String>> asMaps(List<ComplementItem> items) {
      if (items == null) {
        return null;
      }
      List<Map<String, String>> maps = new java.util.ArrayList<>();
      for (ComplementItem i : items) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (i != null && i.item != null) {
          map.put("item", i.item);
        }
        if (i != null && i.reason != null) {
          map.put("reason", i.reason);
        }
        maps.add(map);
      }
      return maps;
    }
  }

  /** A consulted body's avis. */
  @Schema(name = "AvisRequest", description = "A consulted body's avis on the dossier.")
  public static class AvisRequest {
    /** The body's id ({@code agence-urbaine}). */
    @Schema(
        description =
            "The consulted body's id, as the procedure names it; the caller must be a commission"
                + " member for it.",
        example = "agence-urbaine")
    @NotBlank @Size(max = 100) public String body;

    /** FAVORABLE, FAVORABLE_WITH_RESERVATIONS or UNFAVORABLE. */
    @Schema(
        description =
            "The verdict. FAVORABLE: the body agrees. FAVORABLE_WITH_RESERVATIONS: it agrees on"
                + " conditions, stated in the motivation. UNFAVORABLE: it disagrees (a binding"
                + " body's unfavorable avis leaves the authority only a motivated refusal)."
                + " DEEMED_FAVORABLE is recorded by the platform alone, when a body gave no avis"
                + " by its deadline, and is refused here.",
        enumeration = {"FAVORABLE", "FAVORABLE_WITH_RESERVATIONS", "UNFAVORABLE"},
        example = "FAVORABLE")
    @NotBlank @Size(max = 40) public String verdict;

    /** Why (required unless favorable). */
    @Schema(
        description =
            "Why: required with FAVORABLE_WITH_RESERVATIONS (the reservations) and UNFAVORABLE;"
                + " optional with FAVORABLE.",
        example = "Hauteur conforme au plan d'aménagement; recul à respecter sur la voie.")
    @Size(max = 8000) public String motivation;
  }

  /**
   * A dossier in a list.
   *
   * @param id its id
   * @param reference its reference, once deposited
   * @param procedure the procedure's id
   * @param procedureVersion the version it follows
   * @param phase DRAFT, OPEN or CLOSED
   * @param state its state in the procedure
   * @param dueDate the legal date to leave that state
   * @param overdue whether that date has passed
   * @param applicantName who asks
   * @param updatedAt when it last changed
   * @param version its version, for If-Match
   */
  public record DossierSummary(
      String id,
      String reference,
      String procedure,
      String procedureVersion,
      String phase,
      String state,
      LocalDate dueDate,
      boolean overdue,
      String applicantName,
      Instant updatedAt,
      long version) {

    public static DossierSummary of(Dossier d, LocalDate today) {
      return new DossierSummary(
          d.id().value(),
          d.reference().orElse(null),
          d.procedure().id(),
          d.procedure().version(),
          d.phase().name(),
          d.state().orElse(null),
          d.dueDate().orElse(null),
          d.overdue(today),
          d.applicantName(),
          d.updatedAt(),
          d.version());
    }
  }

  /**
   * A dossier with everything that hangs from it.
   *
   * @param stateLabel its state's name, French and Arabic
   * @param suspendedState the state whose clock is stopped while the applicant answers
   * @param suspendedRemainingWorkingDays the working days that state will have left
   * @param outcome the commission's consolidated avis
   * @param decisionMotivation the motivation of the decision
   * @param tacitApproval whether the decision was a tacit approval
   * @param allowedActions what the caller may do now
   * @param fee what the dossier costs, line by line, as its values stand
   */
  public record DossierView(
      String id,
      String reference,
      String procedure,
      String procedureVersion,
      LocalizedText procedureName,
      String phase,
      String state,
      LocalizedText stateLabel,
      LocalDate dueDate,
      boolean overdue,
      String suspendedState,
      Integer suspendedRemainingWorkingDays,
      String applicantName,
      String contactEmail,
      String language,
      String owner,
      Map<String, Object> values,
      List<AttachmentView> attachments,
      List<AvisView> avis,
      List<ComplementView> complements,
      List<EventView> timeline,
      List<ActionView> allowedActions,
      String outcome,
      String decisionMotivation,
      boolean tacitApproval,
      Instant createdAt,
      Instant submittedAt,
      long version,
      FeeView fee) {

    public static DossierView of(DossierFile f) {
      Map<String, Object> values = f.values();
      Dossier d = f.dossier();
      ProcedureDefinition def = f.procedure().definition();
      LocalizedText label =
          d.state().flatMap(def.workflow()::state).map(Workflow.State::label).orElse(null);
      return new DossierView(
          d.id().value(),
          d.reference().orElse(null),
          d.procedure().id(),
          d.procedure().version(),
          def.name(),
          d.phase().name(),
          d.state().orElse(null),
          label,
          d.dueDate().orElse(null),
          f.overdue(),
          d.suspendedState().orElse(null),
          d.suspendedRemaining().orElse(null),
          d.applicantName(),
          d.contactEmail(),
          d.language(),
          d.owner(),
          values,
          f.attachments().stream().map(AttachmentView::of).toList(),
          f.avis().stream().map(AvisView::of).toList(),
          f.complements().stream().map(ComplementView::of).toList(),
          f.timeline().stream().map(EventView::of).toList(),
          f.allowed().stream().map(t -> ActionView.of(t, def.workflow())).toList(),
          d.outcome().map(Enum::name).orElse(null),
          d.decisionMotivation().orElse(null),
          d.tacit(),
          d.createdAt(),
          d.submittedAt().orElse(null),
          d.version(),
          FeeView.of(f.fee()));
    }
  }

  /**
   * A fee in dirhams (MAD), line by line.
   *
   * @param total the sum of the lines
   * @param currency always {@code MAD}
   * @param items what is paid for, and how much
   */
  public record FeeView(BigDecimal total, String currency, List<FeeItemView> items) {

    public static FeeView of(Fee fee) {
      return new FeeView(
          fee.total().setScale(2, RoundingMode.HALF_UP),
          "MAD",
          fee.items().stream().map(i -> new FeeItemView(i.label(), i.amount())).toList());
    }
  }

  /**
   * One line of a fee.
   *
   * @param label what it pays for, French and Arabic
   * @param amount how much, in dirhams
   */
  public record FeeItemView(LocalizedText label, BigDecimal amount) {}

  /** A file attached. */
  public record AttachmentView(
      long id,
      String document,
      String avisBody,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String uploadedBy,
      Instant uploadedAt,
      Instant supersededAt) {

    public static AttachmentView of(Attachment a) {
      return new AttachmentView(
          a.id(),
          a.documentId(),
          a.avisBody().orElse(null),
          a.fileName(),
          a.mediaType(),
          a.size(),
          a.sha256(),
          a.uploadedBy(),
          a.uploadedAt(),
          a.supersededAt().orElse(null));
    }
  }

  /** An avis asked or given. */
  public record AvisView(
      int round,
      String body,
      boolean binding,
      LocalDate dueDate,
      String verdict,
      String motivation,
      String givenBy,
      Instant givenAt) {

    public static AvisView of(Avis a) {
      return new AvisView(
          a.round(),
          a.bodyId(),
          a.binding(),
          a.dueDate(),
          a.verdict().map(Enum::name).orElse(null),
          a.motivation().orElse(null),
          a.givenBy().orElse(null),
          a.givenAt().orElse(null));
    }
  }

  /**
   * A complement request and its answer.
   *
   * @param items each item asked for: what is missing or invalid, and why
   */
  public record ComplementView(
      List<ComplementItem> items,
      String requestedBy,
      Instant requestedAt,
      String answer,
      Instant answeredAt) {

    public static ComplementView of(DossierFile.Complement complement) {
      ComplementRequest c = complement.request();
      return new ComplementView(
          complement.items().stream()
              .map(i -> new ComplementItem(i.get("item"), i.get("reason")))
              .toList(),
          c.requestedBy(),
          c.requestedAt(),
          c.answerText().orElse(null),
          c.answeredAt().orElse(null));
    }
  }

  /** A line of the timeline. */
  public record EventView(
      Instant at, String actor, String role, String action, String from, String to, String note) {

    public static EventView of(DossierEvent e) {
      return new EventView(
          e.at(),
          e.actor(),
          e.role(),
          e.action(),
          e.fromState().orElse(null),
          e.toState().orElse(null),
          e.note().orElse(null));
    }
  }

  /** An action the caller may take, and where it leads. */
  public record ActionView(String action, String to, LocalizedText toLabel, String by) {

    public static ActionView of(Workflow.Transition t, Workflow workflow) {
      return new ActionView(
          t.action(),
          t.to(),
          workflow.state(t.to()).map(Workflow.State::label).orElse(null),
          t.by().name());
    }
  }

  /**
   * A deposit.
   *
   * @param trackingCode the secret code that, with the reference, lets anyone follow the dossier
   * @param receipt where the receipt (récépissé) PDF is
   * @param replayed whether this repeats an earlier submission with the same Idempotency-Key
   */
  public record SubmissionView(
      String id,
      String reference,
      String trackingCode,
      Instant depositedAt,
      String state,
      LocalDate dueDate,
      String receipt,
      boolean replayed,
      long version) {}

  /** Something wrong in the form or the documents. */
  public record ViolationView(String field, String fr, String ar) {

    public static ViolationView of(Violation v) {
      return new ViolationView(v.field(), v.message().fr(), v.message().ar());
    }
  }
}
