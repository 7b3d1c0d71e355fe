package ma.rokhsa.domain.model.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ma.rokhsa.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class SignatureKeyTest {

  static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
  static final Duration YEAR = Duration.ofDays(365);

  final Signatory president =
      Signatory.name("Karim Benali", "Président", Optional.of("kbenali"), NOW);
  final KeyPair keys = TestCertificates.keyPair();
  final X509Certificate certificate =
      TestCertificates.certificate(keys, NOW.minusSeconds(60), NOW.plus(YEAR));

  SignatureKey assigned() {
    return new KeyAllowance(3, 0, 0).assign(president, "Président 2026", "admin", NOW);
  }

  @Test
  void anAssignedKeyCannotSignUntilBoundToACredentialAndItsCertificate() {
    SignatureKey key = assigned();
    assertThat(key.canSign(NOW)).isFalse();
    assertThat(key.whyNotSign(NOW)).get().asString().contains("no credential");
    assertThatThrownBy(() -> key.checkCanSign(NOW)).isInstanceOf(RuleViolation.class);

    key.bind("pkcs12", "3f6c1e9a-0000-4000-8000-000000000001", certificate, NOW);

    assertThat(key.canSign(NOW)).isTrue();
    assertThat(key.provider()).contains("pkcs12");
    assertThat(key.credentialId()).contains("3f6c1e9a-0000-4000-8000-000000000001");
    assertThat(key.certificate()).contains(certificate);
    assertThat(key.certificateSerial()).contains(certificate.getSerialNumber().toString(16));
    assertThat(key.expiresAt()).contains(certificate.getNotAfter().toInstant());
  }

  @Test
  void anExpiredOrNotYetValidKeyCannotSign() {
    SignatureKey key = assigned();
    key.bind("pkcs12", "c-1", certificate, NOW);
    Instant afterExpiry = certificate.getNotAfter().toInstant().plusSeconds(1);
    assertThat(key.canSign(afterExpiry)).isFalse();
    assertThat(key.whyNotSign(afterExpiry)).get().asString().contains("expired");
    assertThat(key.canSign(NOW.minus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void aRevokedKeyCannotSignNorBeBoundNorRenewedAndStopsCountingAgainstTheQuota() {
    SignatureKey key = assigned();
    key.bind("pkcs11", "rokhsa-1", certificate, NOW);
    key.revoke(NOW.plusSeconds(10), "clé compromise");
    key.revoke(NOW.plusSeconds(20), "again");

    assertThat(key.canSign(NOW.plusSeconds(30))).isFalse();
    assertThat(key.whyNotSign(NOW.plusSeconds(30)))
        .get()
        .asString()
        .contains("revoked")
        .contains("clé compromise");
    assertThat(key.revokedAt()).contains(NOW.plusSeconds(10));
    assertThat(key.active()).isFalse();
    X509Certificate renewed =
        TestCertificates.certificate(keys, NOW, NOW.plus(YEAR.multipliedBy(2)));
    assertThatThrownBy(() -> key.renew(renewed, NOW)).isInstanceOf(RuleViolation.class);
    SignatureKey revokedBeforeBinding = assigned();
    revokedBeforeBinding.revoke(NOW);
    assertThatThrownBy(() -> revokedBeforeBinding.bind("pkcs12", "c-9", certificate, NOW))
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void aKeyIsBoundOnceAndRenewedOnlyForTheSamePublicKeyAndALaterExpiry() {
    SignatureKey key = assigned();
    key.bind("pkcs12", "c-1", certificate, NOW);
    assertThatThrownBy(() -> key.bind("pkcs12", "c-2", certificate, NOW))
        .isInstanceOf(RuleViolation.class);

    X509Certificate otherKeys =
        TestCertificates.certificate(
            TestCertificates.keyPair(), NOW, NOW.plus(YEAR.multipliedBy(2)));
    assertThatThrownBy(() -> key.renew(otherKeys, NOW)).isInstanceOf(RuleViolation.class);
    X509Certificate earlier =
        TestCertificates.certificate(keys, NOW, NOW.plus(Duration.ofDays(30)));
    assertThatThrownBy(() -> key.renew(earlier, NOW)).isInstanceOf(RuleViolation.class);

    X509Certificate renewed =
        TestCertificates.certificate(keys, NOW, NOW.plus(YEAR.multipliedBy(2)));
    key.renew(renewed, NOW.plusSeconds(5));
    assertThat(key.certificate()).contains(renewed);
    assertThat(key.canSign(NOW.plus(YEAR).plus(Duration.ofDays(10)))).isTrue();
  }

  @Test
  void anAlreadyExpiredCertificateIsNotBound() {
    X509Certificate expired =
        TestCertificates.certificate(keys, NOW.minus(YEAR), NOW.minus(Duration.ofDays(1)));
    SignatureKey key = assigned();
    assertThatThrownBy(() -> key.bind("pkcs12", "c-1", expired, NOW))
        .isInstanceOf(RuleViolation.class);
    assertThat(key.credentialId()).isEmpty();
  }

  @Test
  void keysBeyondTheQuotaNeedAPurchaseAsBefore() {
    assertThat(new KeyAllowance(3, 1, 3).assign(president, "4e", "admin", NOW).beyondQuota())
        .isTrue();
    assertThatThrownBy(() -> new KeyAllowance(3, 0, 3).assign(president, "4e", "admin", NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("extra-key purchase");
  }

  @Test
  void aCredentialAttachedFirstWaitsForItsCertificateAndTakesOnlyOneForItsOwnKey() {
    SignatureKey key = assigned();
    key.attach("pkcs12", "c-2", keys.getPublic());
    assertThat(key.awaitingCertificate()).isTrue();
    assertThat(key.canSign(NOW)).isFalse();
    assertThat(key.whyNotSign(NOW)).get().asString().contains("no credential and certificate");
    assertThat(key.publicKeyInfo())
        .hasValueSatisfying(der -> assertThat(der).isEqualTo(keys.getPublic().getEncoded()));

    X509Certificate other =
        TestCertificates.certificate(
            TestCertificates.keyPair(), NOW.minusSeconds(60), NOW.plus(YEAR));
    assertThatThrownBy(() -> key.certify(other, NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("not for the public key");

    key.certify(certificate, NOW);
    assertThat(key.awaitingCertificate()).isFalse();
    assertThat(key.canSign(NOW)).isTrue();
    assertThatThrownBy(() -> key.certify(certificate, NOW))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("renew it instead");
  }
}
