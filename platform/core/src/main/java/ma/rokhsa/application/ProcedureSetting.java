package ma.rokhsa.application;

import java.util.Optional;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.domain.model.tenant.ProcedureChoice;

/**
 * Whether a tenant offers one procedure, and why.
 *
 * @param procedureId the procedure's id
 * @param procedure the procedure as a started plugin offers it, if one does
 * @param configured whether {@code tenant-config/} enables it for the tenant
 * @param choice the choice an admin made through the API, which wins over {@code configured}
 * @param enabled whether it is enabled for the tenant, all said ({@code choice}, else {@code
 *     configured})
 * @param offered whether applicants can deposit it there: enabled, offered by a started plugin, for
 *     the tenant's kind
 * @param reason why it is not offered, when it is not
 */
public record ProcedureSetting(
    String procedureId,
    Optional<OfferedProcedure> procedure,
    boolean configured,
    Optional<ProcedureChoice> choice,
    boolean enabled,
    boolean offered,
    Optional<String> reason) {}
