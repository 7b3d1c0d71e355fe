package ma.rokhsa.domain.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantProceduresTest {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  static TenantProfile profile(List<String> procedures) {
    return new TenantProfile(
        TenantId.of("06.181.01.05"),
        TenantKind.URBAN_COMMUNE,
        Optional.of(TenantId.of("06.181")),
        "06/06.181/06.181.01.05",
        "Lbir Jdid",
        "البئر الجديد",
        Optional.of(30_247L),
        "rokhsa",
        procedures,
        3);
  }

  final Tenant tenant =
      Tenant.declare(profile(List.of("permis-de-construire", "permis-de-demolir")));

  @Test
  void withoutChoicesTheConfigurationDecides() {
    assertThat(tenant.procedures()).containsExactly("permis-de-construire", "permis-de-demolir");
    assertThat(tenant.procedureChoices()).isEmpty();
  }

  @Test
  void anAdminsChoiceWinsOverTheConfigurationBothWays() {
    assertThat(tenant.chooseProcedure("permis-de-demolir", false, "admin", NOW)).isTrue();
    assertThat(tenant.chooseProcedure("activite-economique", true, "admin", NOW)).isTrue();

    assertThat(tenant.procedures()).containsExactly("permis-de-construire", "activite-economique");
    assertThat(tenant.configuredProcedures())
        .containsExactly("permis-de-construire", "permis-de-demolir");
    assertThat(tenant.procedureChoice("permis-de-demolir").orElseThrow().changedBy())
        .isEqualTo("admin");
  }

  @Test
  void theSameChoiceTwiceChangesNothingAndAnotherReplacesIt() {
    tenant.chooseProcedure("permis-de-demolir", false, "admin", NOW);

    assertThat(tenant.chooseProcedure("permis-de-demolir", false, "other", NOW)).isFalse();
    assertThat(tenant.chooseProcedure("permis-de-demolir", true, "other", NOW)).isTrue();
    assertThat(tenant.procedureChoices()).hasSize(1);
    assertThat(tenant.procedureChoice("permis-de-demolir").orElseThrow().changedBy())
        .isEqualTo("other");
    assertThat(tenant.procedures()).contains("permis-de-demolir");
  }

  @Test
  void aChoiceOutlivesAReconfigurationUntilReset() {
    tenant.chooseProcedure("permis-de-demolir", false, "admin", NOW);

    List<String> changed = tenant.reconfigure(profile(List.of("permis-de-demolir")));

    assertThat(changed).containsExactly("procedures");
    assertThat(tenant.procedures()).as("the admin's choice still wins").isEmpty();
    assertThat(tenant.resetProcedureChoice("permis-de-demolir")).isPresent();
    assertThat(tenant.procedures()).containsExactly("permis-de-demolir");
    assertThat(tenant.resetProcedureChoice("permis-de-demolir")).isEmpty();
  }

  @Test
  void aChoiceNamesAProcedureAndWhoMadeIt() {
    assertThatThrownBy(() -> tenant.chooseProcedure(" ", true, "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tenant.chooseProcedure("x".repeat(101), true, "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tenant.chooseProcedure("permis-de-demolir", true, "", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tenant.procedureChoices()).isEmpty();
  }
}
