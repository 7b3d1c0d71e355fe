package ma.rokhsa.interfaces.rest.tenant;

import java.time.Instant;
import ma.rokhsa.application.ProcedureSetting;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a tenant offers one procedure, and why.
 *
 * @param id the procedure's id
 * @param nameFr its name in French, when a started plugin offers it
 * @param nameAr its name in Arabic, when a started plugin offers it
 * @param version the version new deposits follow, when a started plugin offers it
 * @param configured whether tenant-config/ enables it for the tenant
 * @param choice an admin's choice made through the API, if any: it wins over {@code configured}
 * @param enabled whether it is enabled, all said
 * @param offered whether applicants can deposit it here now
 * @param reason why it is not offered, when it is not
 */
@Schema(name = "ProcedureSetting", description = "Whether a tenant offers one procedure, and why.")
public record ProcedureSettingRepresentation(
    @Schema(description = "The procedure's id.", example = "permis-de-construire") String id,
    @Schema(description = "Its name in French, when a started plugin offers it.") String nameFr,
    @Schema(description = "Its name in Arabic, when a started plugin offers it.") String nameAr,
    @Schema(description = "The version new deposits follow, when a started plugin offers it.")
        String version,
    @Schema(description = "Whether tenant-config/ enables it for the tenant.") boolean configured,
    @Schema(
            description =
                "The choice an admin made through the API, if any. It wins over 'configured'"
                    + " until reset.")
        Choice choice,
    @Schema(description = "Whether it is enabled for the tenant, all said.") boolean enabled,
    @Schema(
            description =
                "Whether applicants can deposit it here: enabled, offered by a started plugin,"
                    + " for this kind of tenant.")
        boolean offered,
    @Schema(description = "Why it is not offered, when it is not.") String reason) {

  /**
   * An admin's choice.
   *
   * @param enabled offer the procedure (true) or not (false)
   * @param changedBy who chose
   * @param changedAt when
   */
  @Schema(name = "ProcedureChoice", description = "An admin's choice made through the API.")
  public record Choice(
      @Schema(description = "Offer the procedure (true) or not (false).") boolean enabled,
      @Schema(description = "The account that made the choice.") String changedBy,
      @Schema(description = "When.") Instant changedAt) {}

  static ProcedureSettingRepresentation of(ProcedureSetting s) {
    return new ProcedureSettingRepresentation(
        s.procedureId(),
        s.procedure().map(p -> p.definition().name().fr()).orElse(null),
        s.procedure().map(p -> p.definition().name().ar()).orElse(null),
        s.procedure().map(p -> p.definition().version()).orElse(null),
        s.configured(),
        s.choice().map(c -> new Choice(c.enabled(), c.changedBy(), c.changedAt())).orElse(null),
        s.enabled(),
        s.offered(),
        s.reason().orElse(null));
  }
}
