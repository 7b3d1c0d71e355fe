package ma.rokhsa.interfaces.rest.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import ma.rokhsa.application.AuthorizationDelivery;
import ma.rokhsa.application.AuthorizationDelivery.Delivered;
import ma.rokhsa.application.AuthorizationDelivery.SignedFile;
import ma.rokhsa.application.DeliveryService;
import ma.rokhsa.application.DepositService;
import ma.rokhsa.application.DepositService.ReceiptFile;
import ma.rokhsa.application.DepositService.Submission;
import ma.rokhsa.application.DossierFile;
import ma.rokhsa.application.DossierNotices;
import ma.rokhsa.application.DossierQueries;
import ma.rokhsa.application.DossierQueries.Download;
import ma.rokhsa.application.DossierUploads;
import ma.rokhsa.application.DraftService;
import ma.rokhsa.application.InstructionService;
import ma.rokhsa.application.InstructionService.ActionInput;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.application.LegalTime;
import ma.rokhsa.application.StaleDossier;
import ma.rokhsa.application.TenantContext;
import ma.rokhsa.domain.model.dossier.Attachment;
import ma.rokhsa.domain.model.dossier.Dossier;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository.DossierFilter;
import ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.domain.model.dossier.Verdict;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.ParameterRefused;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.ActionRequest;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.AttachmentView;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.AvisRequest;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.ComplementItem;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.DossierSummary;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.DossierView;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.NewDossier;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.NewValues;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.SubmissionView;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.ViolationView;
import ma.rokhsa.interfaces.rest.tenant.OpenToApplicants;
import ma.rokhsa.interfaces.rest.tenant.RequestTenant;
import ma.rokhsa.interfaces.rest.tenant.TenantBound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's dossiers. Applicants and architects reach it in every tenant for their own dossiers;
 * agents for the tenant's deposited dossiers, acting in the roles they hold there; supervisors
 * read. Changes accept {@code If-Match} with the dossier's version: a dossier changed meanwhile
 * answers 409 with its current state.
 */
@Path("tenants/{tenantId}/dossiers")
@RequestScoped
@TenantBound
@OpenToApplicants
@Tag(name = "Dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

  private static final int MAX_LIST = 500;

  /** As the attachment's columns hold them: file name, document and body ids. */
  private static final int MAX_FILE_NAME = 255;

  private static final int MAX_ID = 100;

  @Inject RequestTenant request;
  @Inject DraftService drafts;
  @Inject DepositService deposits;
  @Inject InstructionService instruction;
  @Inject DossierQueries queries;
  @Inject DossierUploads uploads;
  @Inject DossierNotices notices;
  @Inject DeliveryService delivery;
  @Inject AuthorizationDelivery authorizations;
  @Inject LegalTime time;
  @Context UriInfo uri;

  private TenantContext context;

  @PostConstruct
  void resolved() {
    context = request.context();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a draft for a procedure this tenant offers")
  public Response create(@Valid @NotNull NewDossier input) {
    DossierView view =
        DossierView.of(
            drafts.createDraft(
                context,
                input.procedure,
                input.applicantName,
                input.contactEmail,
                input.language,
                input.values == null ? Map.of() : input.values));
    return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
        .tag(String.valueOf(view.version()))
        .entity(view)
        .build();
  }

  @GET
  @Operation(
      summary = "The dossiers the caller may see, a page at a time",
      description =
          "An applicant's own; for agents and supervisors, the tenant's deposited dossiers (drafts"
              + " are never listed to them). Most recently changed first. Filters: phase (DRAFT,"
              + " OPEN, CLOSED), state, procedure, overdue=true. limit (1-500, default 100); when"
              + " more follow, a Link header rel=\"next\" gives the next page's URL (cursor=…).")
  public Response list(
      @QueryParam("phase") String phase,
      @QueryParam("state") String state,
      @QueryParam("procedure") String procedure,
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @QueryParam("cursor") String cursor) {
    LocalDate today = time.today();
    DossierFilter filter =
        new DossierFilter(
            Optional.ofNullable(phase).map(p -> RequestValues.enumValue(Phase.class, "phase", p)),
            Optional.ofNullable(state),
            Optional.ofNullable(procedure),
            overdue ? Optional.of(today) : Optional.empty());
    Optional<ListPosition> after =
        cursor == null || cursor.isBlank()
            ? Optional.empty()
            : Optional.of(listPosition(cursor.strip()));
    int size = Math.max(1, Math.min(limit, MAX_LIST));
    // One more than asked: whether a next page exists, without counting.
    List<Dossier> found = queries.list(context, filter, after, size + 1);
    List<Dossier> page = found.size() > size ? found.subList(0, size) : found;
    Response.ResponseBuilder response =
        Response.ok(page.stream().map(d -> DossierSummary.of(d, today)).toList());
    if (found.size() > size) {
      String next = ListCursor.encode(ListPosition.of(page.get(page.size() - 1)));
      response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
    }
    return response.build();
  }

  private static ListPosition listPosition(String cursor) {
    try {
      return ListCursor.decode(cursor);
    } catch (ParameterRefused refused) {
      throw refused.toInvalidParameter();
    }
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A dossier, its documents, avis, complements, timeline and allowed actions")
  public Response get(@PathParam("id") String id) {
    DossierView view = DossierView.of(queries.view(context, dossierId(id)));
    return Response.ok(view).tag(String.valueOf(view.version())).build();
  }

  @PUT
  @Path("{id}/values")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save the form's values (a draft, or while complements are asked)")
  public Response saveValues(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull NewValues input) {
    DossierId dossier = dossierId(id);
    DossierFile file =
        guarded(
            dossier,
            () ->
                drafts.saveValues(
                    context,
                    dossier,
                    input.values == null ? Map.of() : input.values,
                    version(ifMatch)));
    return Response.ok(DossierView.of(file)).build();
  }

  @GET
  @Path("{id}/validation")
  @Operation(summary = "What is missing or invalid before the dossier can be submitted")
  public List<ViolationView> validation(@PathParam("id") String id) {
    return drafts.validate(context, dossierId(id)).stream().map(ViolationView::of).toList();
  }

  @POST
  @Path("{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Attach a file to one of the procedure's documents, or to a body's avis",
      description =
          "Multipart form with a part 'file'. The type is read from the bytes; size and count"
              + " limits are the procedure's. Commission members attach to their avis with"
              + " ?avis=<body>.")
  public Response attach(
      @PathParam("id") String id,
      @QueryParam("document") String document,
      @QueryParam("avis") String avisBody,
      @FormParam("file") EntityPart file) {
    if (file == null) {
      throw new InvalidInput("file: a multipart part named 'file' is required");
    }
    if ((document == null || document.isBlank()) && avisBody == null) {
      throw new InvalidInput("document: say which document this file is (?document=<id>)");
    }
    String fileName = file.getFileName().orElse("document");
    if (fileName.length() > MAX_FILE_NAME) {
      throw new InvalidParameter(
          "file", "its file name is longer than " + MAX_FILE_NAME + " characters");
    }
    if ((document != null && document.length() > MAX_ID)
        || (avisBody != null && avisBody.length() > MAX_ID)) {
      throw new InvalidParameter(
          document != null && document.length() > MAX_ID ? "document" : "avis",
          "longer than " + MAX_ID + " characters");
    }
    DossierId dossier = dossierId(id);
    Attachment a =
        uploads.upload(
            context,
            dossier,
            avisBody != null ? "avis" : document,
            Optional.ofNullable(avisBody),
            fileName,
            file.getContent());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(a.id())).build())
        .entity(AttachmentView.of(a))
        .build();
  }

  @GET
  @Path("{id}/attachments/{attachment}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download an attached file (recorded in the audit trail)")
  public Response download(@PathParam("id") String id, @PathParam("attachment") long attachment) {
    Download d = queries.download(context, dossierId(id), attachment);
    StreamingOutput body =
        out -> {
          try (InputStream in = d.bytes()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, d.attachment().mediaType())
        .header("Content-Length", d.attachment().size())
        .header("Content-Disposition", contentDisposition(d.attachment().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Digest", "sha-256=" + d.attachment().sha256())
        .build();
  }

  private static String contentDisposition(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  @DELETE
  @Path("{id}/attachments/{attachment}")
  @Operation(summary = "Remove a file from a draft")
  public Response detach(@PathParam("id") String id, @PathParam("attachment") long attachment) {
    drafts.detach(context, dossierId(id), attachment);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/submission")
  @Operation(
      summary = "Submit (deposit) the dossier",
      description =
          "Idempotent with an Idempotency-Key header: repeating the request answers the same"
              + " submission. Gives the reference, the secret tracking code and the receipt.")
  public Response submit(
      @PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    Optional<String> key =
        Optional.ofNullable(idempotencyKey).map(String::strip).filter(k -> !k.isEmpty());
    if (key.isPresent() && key.get().length() > 200) {
      throw new InvalidInput("Idempotency-Key: at most 200 characters");
    }
    DossierId dossier = dossierId(id);
    Submission s = guarded(dossier, () -> deposits.submit(context, dossier, key));
    Dossier d = s.dossier();
    URI receipt =
        uri.getBaseUriBuilder()
            .path("tenants")
            .path(context.tenant().value())
            .path("dossiers")
            .path(d.id().value())
            .path("receipt")
            .build();
    SubmissionView view =
        new SubmissionView(
            d.id().value(),
            d.reference().orElseThrow(),
            d.trackingCode().orElseThrow(),
            d.submittedAt().orElseThrow(),
            d.state().orElseThrow(),
            d.dueDate().orElse(null),
            receipt.toString(),
            s.replayed(),
            d.version());
    return Response.status(s.replayed() ? Response.Status.OK : Response.Status.CREATED)
        .entity(view)
        .build();
  }

  @GET
  @Path("{id}/receipt")
  @Produces("application/pdf")
  @Operation(summary = "The deposit receipt (récépissé), PDF")
  public Response receipt(@PathParam("id") String id) {
    ReceiptFile receipt =
        deposits.receipt(context, dossierId(id), d -> URI.create(notices.trackingPage(d)));
    return Response.ok(receipt.pdf(), "application/pdf")
        .header(
            "Content-Disposition", "inline; filename=\"recepisse-" + receipt.reference() + ".pdf\"")
        .build();
  }

  @POST
  @Path("{id}/actions/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take an action of the procedure's workflow",
      description =
          "accepter, demander-complements (with items), completer, decider-favorable,"
              + " decider-defavorable (with a motivation), signer… as the procedure declares."
              + " 409 lists the actions allowed now.")
  public Response act(
      @PathParam("id") String id,
      @PathParam("action") String action,
      @HeaderParam("If-Match") String ifMatch,
      @Valid ActionRequest input) {
    ActionRequest body = input == null ? new ActionRequest() : input;
    DossierId dossier = dossierId(id);
    if (body.pin != null) {
      // The signature that delivers the authorization: signed with the signatory's key, now.
      char[] pin = body.pin.toCharArray();
      body.pin = null;
      Delivered delivered =
          guarded(dossier, () -> delivery.sign(context, List.of(dossier), pin, version(ifMatch)))
              .get(0)
              .delivered()
              .orElseThrow();
      DossierView signed = DossierView.of(delivered.dossier());
      return Response.ok(signed)
          .tag(String.valueOf(signed.version()))
          .header(
              "Link",
              "<"
                  + uri.getBaseUriBuilder()
                      .path("tenants")
                      .path(context.tenant().value())
                      .path("dossiers")
                      .path(id)
                      .path("authorization")
                      .build()
                  + ">; rel=\"authorization\"")
          .header("X-Document-Id", delivered.documentId())
          .build();
    }
    DossierView view =
        DossierView.of(
            guarded(
                dossier,
                () ->
                    instruction.act(
                        context,
                        dossier,
                        action,
                        new ActionInput(
                            Optional.ofNullable(body.motivation),
                            ComplementItem.asMaps(body.items)),
                        version(ifMatch))));
    return Response.ok(view).tag(String.valueOf(view.version())).build();
  }

  @GET
  @Path("{id}/authorization")
  @Produces("application/pdf")
  @Operation(
      summary = "The signed authorization (PDF, PAdES)",
      description = "The latest document delivered for the dossier; 404 until it is signed.")
  public Response authorization(@PathParam("id") String id) {
    SignedFile file = authorizations.authorization(context, dossierId(id));
    return Response.ok(file.pdf(), "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"autorisation-" + file.document().reference() + ".pdf\"")
        .header("X-Document-Id", file.document().id().toString())
        .header("X-Document-Status", file.document().status().name())
        .build();
  }

  @POST
  @Path("{id}/avis")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give a consulted body's avis")
  public Response avis(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull AvisRequest input) {
    Verdict verdict = RequestValues.enumValue(Verdict.class, "verdict", input.verdict);
    if (verdict == Verdict.DEEMED_FAVORABLE) {
      throw new InvalidInput("verdict: DEEMED_FAVORABLE is recorded by the platform only");
    }
    DossierId dossier = dossierId(id);
    DossierView view =
        DossierView.of(
            guarded(
                dossier,
                () ->
                    instruction.giveAvis(
                        context,
                        dossier,
                        input.body,
                        verdict,
                        input.motivation,
                        version(ifMatch))));
    return Response.ok(view).tag(String.valueOf(view.version())).build();
  }

  /**
   * Runs a change; a conflict found only when the transaction commits (another node changed the
   * dossier at the same instant) is answered like any other: 409 with the current state.
   */
  private <T> T guarded(DossierId id, Supplier<T> change) {
    try {
      return change.get();
    } catch (RuntimeException e) {
      if (StaleDossier.lostAtCommit(e)) {
        Optional<Dossier> current = queries.current(context, id);
        if (current.isPresent()) {
          throw new StaleDossier(current.get());
        }
      }
      throw e;
    }
  }

  private static DossierId dossierId(String id) {
    try {
      return DossierId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ma.rokhsa.application.NotFound("no such dossier");
    }
  }

  /** The version an If-Match header names ("3", or the quoted entity tag "\"3\""). */
  private static OptionalLong version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return OptionalLong.of(Long.parseLong(tag));
    } catch (NumberFormatException e) {
      throw new InvalidInput("If-Match: the dossier's version, as given in its ETag");
    }
  }
}
