package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import ma.rokhsa.application.OutboxMonitor;
import ma.rokhsa.application.TestNotificationService;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.RequestValues;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification outbox, for the national admin: its state, and a test notification. */
@Path("admin/outbox")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

  @Inject OutboxMonitor monitor;
  @Inject TestNotificationService tests;

  /** The most entries of each list one report gives. */
  static final int MAX_LIMIT = 500;

  @GET
  @Operation(
      summary = "The notification outbox: counts by status, the latest failed and retrying",
      description =
          "Counts of PENDING, SENT and FAILED notifications, when the oldest pending one was"
              + " queued, and the latest `limit` failed (given up, with the reason) and retrying"
              + " (pending after a failed attempt, with the last reason) notifications.")
  public OutboxRepresentation outbox(@QueryParam("limit") @DefaultValue("50") int limit) {
    // Checked here: Payara's OpenAPI generator fails on @Min/@Max on a query parameter.
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameter("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return OutboxRepresentation.of(monitor.report(limit));
  }

  @POST
  @Path("test")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Queue a test notification, to check a channel end to end",
      description =
          "Queued on behalf of the tenant named, in French or Arabic, and sent by the outbox"
              + " dispatcher like any other (202). 404 for an unknown tenant; 400 for a channel"
              + " id, recipient or language that cannot be used.")
  public Response test(
      @Valid @NotNull NewTestNotification test, @Context SecurityContext security) {
    Notification queued =
        tests.queueTest(
            RequestValues.tenantId("tenant", test.tenant),
            test.channel,
            test.recipient,
            test.language,
            CallerPrincipal.of(security).username());
    return Response.status(Response.Status.ACCEPTED)
        .entity(
            new TestNotificationRepresentation(
                test.tenant,
                queued.channel(),
                queued.recipient(),
                queued.language(),
                queued.subject()))
        .build();
  }

  /**
   * A test notification, as queued.
   *
   * @param tenant on whose behalf
   * @param channel through which channel
   * @param recipient to whom
   * @param language in which language
   * @param subject its subject
   */
  public record TestNotificationRepresentation(
      String tenant, String channel, String recipient, String language, String subject) {}
}
