package ma.rokhsa.domain.model.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** A mandate is in force from its start (inclusive) until its end (exclusive), or until ended. */
class MandateTest {

  static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  static final Instant FROM = Instant.parse("2026-12-10T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-12-24T00:00:00Z");

  final Signatory president =
      Signatory.name(
          "Karim Benali", "Président", Optional.of("kbenali"), Optional.of("BK123456"), false, NOW);
  final Signatory interim =
      Signatory.name(
          "Salma Idrissi",
          "Première vice-présidente",
          Optional.of("sidrissi"),
          Optional.of("A987654"),
          true,
          NOW);

  Mandate absence() {
    return Mandate.grant(
        "MAND-2026-0001",
        president,
        interim,
        FROM,
        UNTIL,
        MandateReason.ABSENCE,
        "congé annuel",
        "admin",
        NOW);
  }

  @Test
  void inForceFromItsStartUntilJustBeforeItsEnd() {
    Mandate mandate = absence();
    assertThat(mandate.inForceAt(FROM.minusMillis(1))).isFalse();
    assertThat(mandate.inForceAt(FROM)).isTrue();
    assertThat(mandate.inForceAt(FROM.plus(Duration.ofDays(7)))).isTrue();
    assertThat(mandate.inForceAt(UNTIL.minusMillis(1))).isTrue();
    assertThat(mandate.inForceAt(UNTIL)).isFalse();
    assertThat(mandate.effectiveEnd()).isEqualTo(UNTIL);
  }

  @Test
  void endedEarlyItIsNoLongerInForceFromThenOn() {
    Mandate mandate = absence();
    Instant back = FROM.plus(Duration.ofDays(3));
    mandate.end(back, "admin", "retour anticipé");
    assertThat(mandate.inForceAt(back.minusMillis(1))).isTrue();
    assertThat(mandate.inForceAt(back)).isFalse();
    assertThat(mandate.inForceAt(UNTIL.minusMillis(1))).isFalse();
    assertThat(mandate.effectiveEnd()).isEqualTo(back);
    assertThat(mandate.endReason()).contains("retour anticipé");
    assertThatThrownBy(() -> mandate.end(back.plusSeconds(1), "admin", null))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("was ended");
  }

  @Test
  void endedBeforeItStartsItIsNeverInForce() {
    Mandate mandate = absence();
    mandate.end(NOW, "admin", "annulé");
    assertThat(mandate.inForceAt(FROM)).isFalse();
  }

  @Test
  void aMandateOverCannotBeEnded() {
    Mandate mandate = absence();
    assertThatThrownBy(() -> mandate.end(UNTIL, "admin", null))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("is over");
  }

  @Test
  void nobodyDelegatesToThemselvesNorDoesAnInterimDelegateFurther() {
    assertThatThrownBy(
            () ->
                Mandate.grant(
                    "M-1",
                    president,
                    president,
                    FROM,
                    UNTIL,
                    MandateReason.ABSENCE,
                    null,
                    "admin",
                    NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("themselves");
    assertThatThrownBy(
            () ->
                Mandate.grant(
                    "M-1",
                    interim,
                    president,
                    FROM,
                    UNTIL,
                    MandateReason.POST_ELECTION_GAP,
                    null,
                    "admin",
                    NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("only a titular signatory delegates");
  }

  @Test
  void anEmptyOrPastPeriodIsRefused() {
    assertThatThrownBy(
            () ->
                Mandate.grant(
                    "M-1",
                    president,
                    interim,
                    UNTIL,
                    FROM,
                    MandateReason.ABSENCE,
                    null,
                    "admin",
                    NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("before it starts");
    assertThatThrownBy(
            () ->
                Mandate.grant(
                    "M-1",
                    president,
                    interim,
                    NOW.minus(Duration.ofDays(10)),
                    NOW.minus(Duration.ofDays(1)),
                    MandateReason.ABSENCE,
                    null,
                    "admin",
                    NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("is over");
  }

  @Test
  void aSignatoryCinIsCheckedAndUsernamesAreLowerCase() {
    Signatory named =
        Signatory.name(
            "A B", "Président", Optional.of("KBenali"), Optional.of("bk123456"), false, NOW);
    assertThat(named.username()).contains("kbenali");
    assertThat(named.cin()).contains("BK123456");
    assertThatThrownBy(
            () ->
                Signatory.name(
                    "A B", "Président", Optional.empty(), Optional.of("123456"), false, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
