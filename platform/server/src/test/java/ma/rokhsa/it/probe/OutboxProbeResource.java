package ma.rokhsa.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Queues notifications the way a dossier service will — inside its own transaction — and lets the
 * test decide whether that transaction commits or rolls back.
 */
@Path("_probe/outbox")
@RequestScoped
public class OutboxProbeResource {

  @Inject Outbox outbox;

  @Resource UserTransaction transaction;

  /** A notification to queue. */
  public static class Queued {
    public String tenant;
    public String channel;
    public String recipient;
    public String language;
    public String subject;
    public String body;

    Notification notification() {
      return new Notification(channel, recipient, language, subject, body);
    }
  }

  /** Queues in a transaction that then commits ({@code outcome=commit}) or rolls back. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String enqueue(Queued queued, @QueryParam("outcome") String outcome) throws Exception {
    transaction.begin();
    try {
      outbox.enqueue(TenantId.of(queued.tenant), queued.notification());
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
    if ("rollback".equals(outcome)) {
      transaction.rollback();
      return "rolled back";
    }
    transaction.commit();
    return "committed";
  }

  /** Queues without any transaction: the outbox must refuse. */
  @POST
  @Path("without-transaction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String enqueueWithoutTransaction(Queued queued) {
    try {
      outbox.enqueue(TenantId.of(queued.tenant), queued.notification());
      return "queued";
    } catch (TransactionalException refused) {
      return "refused";
    }
  }
}
