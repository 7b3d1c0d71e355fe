package ma.rokhsa.domain.model.tenant;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * What every tenant-owned entity is: a row of a table shared by all tenants, told apart by its
 * {@code tenant_id} column, which EclipseLink fills on insert and adds to every query from the
 * tenant the transaction works for ({@code TenantScoped}); a transaction with no tenant fails. The
 * one place this is declared (ADR 0002): an entity that extends it cannot forget the filter. Tables
 * that are not tenant-owned, and the read models that cross tenants, are listed in the ADR.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "tenant_id",
    contextProperty = "eclipselink.tenant-id",
    length = 64)
public abstract class TenantOwned {

  protected TenantOwned() {
    // for JPA and subclasses
  }
}
