package ma.rokhsa.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * Queues notifications the way a dossier service will — inside its own transaction — and lets the
 * test decide whether that transaction commits or rolls back; observes what the platform queued.
 */
@Path("_probe/outbox")
@RequestScoped
public class OutboxProbeResource {

  @Inject Outbox outbox;

  @Resource UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/rokhsa")
  DataSource database;

  /**
   * Observes what the platform queued for a recipient whose subject names {@code about} (a
   * dossier's reference), oldest first: each as {@code language|subject|body}.
   */
  @GET
  @Path("queued")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> queued(
      @QueryParam("recipient") String recipient, @QueryParam("about") String about)
      throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select language, subject, body from notification_outbox"
                    + " where recipient = ? and subject like ? order by id")) {
      q.setString(1, recipient);
      q.setString(2, "%" + about + "%");
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3));
        }
      }
    }
    return found;
  }

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
