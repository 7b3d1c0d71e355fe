package ma.rokhsa.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

  @Test
  void reservedUsernamesCannotBeTaken() {
    for (String name : new String[] {"system", "SYSTEM", " public ", "installation", "national"}) {
      assertThatThrownBy(() -> Account.create(name, "X", "hash", NOW))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reserved");
    }
    assertThat(Account.create("systeme.casablanca", "X", "hash", NOW).username())
        .isEqualTo("systeme.casablanca");
  }

  @Test
  void aResetForcesAChangeAndTheHoldersChangeClearsIt() {
    Account account = Account.create("karim", "Karim", "old", NOW);
    assertThat(account.passwordChangeRequired()).isFalse();
    account.resetPasswordHash("set-by-admin");
    assertThat(account.passwordChangeRequired()).isTrue();
    account.changePasswordHash("chosen");
    assertThat(account.passwordChangeRequired()).isFalse();
    assertThat(account.passwordHash()).contains("chosen");
  }

  @Test
  void aCommissionMembersGrantNamesItsBodyAndNoOtherGrantDoes() {
    Account account = Account.create("membre", "Membre", "hash", NOW);
    Optional<TenantId> casa = Optional.of(TenantId.of("06.141.01.0"));

    assertThatThrownBy(() -> RoleGrant.grant(account, Role.COMMISSION_MEMBER, casa, "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consulted body");
    assertThatThrownBy(
            () ->
                RoleGrant.grant(account, Role.SIGNATORY, casa, Optional.of("voirie"), "admin", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RoleGrant.grant(
                    account,
                    Role.COMMISSION_MEMBER,
                    casa,
                    Optional.of("Protection Civile"),
                    "admin",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
    RoleGrant grant =
        RoleGrant.grant(
            account, Role.COMMISSION_MEMBER, casa, Optional.of("protection-civile"), "admin", NOW);
    assertThat(grant.body()).contains("protection-civile");
  }

  @Test
  void onlyDossierWorkInstructs() {
    assertThat(Role.GUICHET_AGENT.instructs()).isTrue();
    assertThat(Role.COMMISSION_MEMBER.instructs()).isTrue();
    assertThat(Role.SIGNATORY.instructs()).isTrue();
    assertThat(Role.TENANT_ADMIN.instructs()).isFalse();
    assertThat(Role.NATIONAL_ADMIN.instructs()).isFalse();
  }

  @Test
  void aSecondFactorCountsOnceConfirmedAndIsNotReplacedWithoutBeingRemoved() {
    Account account = Account.create("signataire", "X", "hash", NOW);
    assertThat(account.secondFactorEnrolled()).isFalse();
    assertThatThrownBy(() -> account.confirmSecondFactor(NOW, 1))
        .isInstanceOf(IllegalStateException.class);

    account.startSecondFactorEnrollment("enc:v1:first");
    assertThat(account.secondFactorEnrolled()).as("pending until a first code").isFalse();
    account.startSecondFactorEnrollment("enc:v1:second");
    assertThat(account.sealedSecondFactorSecret()).contains("enc:v1:second");

    account.confirmSecondFactor(NOW, 42);
    assertThat(account.secondFactorEnrolled()).isTrue();
    assertThat(account.lastSecondFactorStep()).contains(42L);
    assertThatThrownBy(() -> account.startSecondFactorEnrollment("enc:v1:third"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("remove it first");

    account.removeSecondFactor();
    assertThat(account.secondFactorEnrolled()).isFalse();
    assertThat(account.sealedSecondFactorSecret()).isEmpty();
    assertThat(account.lastSecondFactorStep()).isEmpty();
  }
}
