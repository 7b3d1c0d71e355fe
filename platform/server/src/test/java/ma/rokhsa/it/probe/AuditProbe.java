package ma.rokhsa.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.audit.AuditEvent;
import ma.rokhsa.domain.model.audit.AuditTrail;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;

/**
 * Test-only: records audit events through the real {@link AuditTrail} (as the dossier services
 * will), and tampers with audit rows straight in the database, as an intruder with SQL access
 * would.
 */
@Path("_probe/audit/{tenantId}")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AuditProbe {

  @Inject AuditTrail audit;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  DataSource dataSource;

  /** Records {@code count} events in one transaction. */
  @POST
  @Path("record")
  @Transactional
  public String record(
      @PathParam("tenantId") String tenant,
      @QueryParam("subjectId") @DefaultValue("CAS-PROBE") String subjectId,
      @QueryParam("count") @DefaultValue("1") int count) {
    for (int i = 0; i < count; i++) {
      audit.record(TenantId.of(tenant), event(subjectId));
    }
    return Integer.toString(count);
  }

  /** Records an event, then fails: the entry must go with the transaction. */
  @POST
  @Path("record-then-fail")
  @Transactional
  public String recordThenFail(@PathParam("tenantId") String tenant) {
    audit.record(TenantId.of(tenant), event("CAS-ROLLED-BACK"));
    throw new IllegalStateException("the change being audited failed");
  }

  /** Records outside any transaction: refused, the trail needs the caller's transaction. */
  @POST
  @Path("record-outside-transaction")
  public String recordOutsideTransaction(@PathParam("tenantId") String tenant) {
    audit.record(TenantId.of(tenant), event("CAS-NO-TRANSACTION"));
    return "recorded";
  }

  /** Changes one entry's detail in the database; answers how many rows changed. */
  @POST
  @Path("tamper")
  public String tamper(@PathParam("tenantId") String tenant, @QueryParam("sequence") long sequence)
      throws SQLException {
    return execute(
        "update audit_entry set detail = 'nothing happened' where tenant_id = ? and"
            + " sequence_number = ?",
        tenant,
        sequence);
  }

  /** Deletes one entry from the database; answers how many rows went. */
  @POST
  @Path("remove")
  public String remove(@PathParam("tenantId") String tenant, @QueryParam("sequence") long sequence)
      throws SQLException {
    return execute(
        "delete from audit_entry where tenant_id = ? and sequence_number = ?", tenant, sequence);
  }

  private String execute(String sql, String tenant, long sequence) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, tenant);
      statement.setLong(2, sequence);
      return Integer.toString(statement.executeUpdate());
    }
  }

  private static AuditEvent event(String subjectId) {
    return new AuditEvent(
        "probe", "dossier.viewed", "dossier", subjectId, "{\"probe\": true}", "192.0.2.7");
  }
}
