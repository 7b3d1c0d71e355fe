package ma.rokhsa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantProfile;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import org.junit.jupiter.api.Test;

/** Separation of duties where tenant access is decided (ADR 0002, ADR 0023). */
class TenantAccessTest {

  private static final Tenant CASABLANCA =
      Tenant.declare(
          new TenantProfile(
              TenantId.of("06.141.01.0"),
              TenantKind.URBAN_COMMUNE,
              Optional.of(TenantId.of("06.141")),
              "06/06.141/06.141.01.0",
              "Casablanca",
              "الدار البيضاء",
              Optional.of(3_000_000L),
              "rokhsa",
              List.of(),
              5));

  @Test
  void theNationalAdminAdministersButInstructsNothing() {
    Caller admin =
        new Caller("admin", List.of(new Caller.Grant(Role.NATIONAL_ADMIN, Optional.empty())));
    TenantAccess access = TenantAccess.of(admin, CASABLANCA);

    assertThat(access.read()).isTrue();
    assertThat(access.mayWrite()).isTrue();
    assertThat(access.roles()).containsExactlyInAnyOrder(Role.NATIONAL_ADMIN, Role.TENANT_ADMIN);
    assertThatThrownBy(() -> access.require(Role.GUICHET_AGENT)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> access.require(Role.SIGNATORY)).isInstanceOf(AccessDenied.class);
    Actor actor = new Actor("admin", access.roles(), false, "", access.bodies());
    assertThat(actor.actingRoles()).isEmpty();
  }

  @Test
  void evenAGrantStoredForTheNationalAdminGivesNoInstructingRole() {
    Caller admin =
        new Caller(
            "admin",
            List.of(
                new Caller.Grant(Role.NATIONAL_ADMIN, Optional.empty()),
                new Caller.Grant(Role.SIGNATORY, Optional.of(CASABLANCA.id()))));
    assertThat(TenantAccess.of(admin, CASABLANCA).roles()).doesNotContain(Role.SIGNATORY);
  }

  @Test
  void aCommissionMemberSpeaksOnlyForTheBodiesItsGrantsName() {
    Caller member =
        new Caller(
            "membre",
            List.of(
                new Caller.Grant(
                    Role.COMMISSION_MEMBER,
                    Optional.of(CASABLANCA.id()),
                    Optional.of("protection-civile"))));
    TenantAccess access = TenantAccess.of(member, CASABLANCA);
    assertThat(access.bodies()).containsExactly("protection-civile");
    Actor actor = new Actor("membre", access.roles(), false, "", access.bodies());

    assertThat(actor.actingRoles()).containsExactly(ActingRole.COMMISSION_MEMBER);
    assertThatCode(() -> actor.requireSpeaksFor("protection-civile")).doesNotThrowAnyException();
    assertThatThrownBy(() -> actor.requireSpeaksFor("agence-urbaine"))
        .isInstanceOf(AccessDenied.class)
        .hasMessageContaining("protection-civile")
        .hasMessageContaining("agence-urbaine");
    assertThatThrownBy(() -> new Actor("x", Set.of(), false, "").requireSpeaksFor("voirie"))
        .isInstanceOf(AccessDenied.class);
  }
}
