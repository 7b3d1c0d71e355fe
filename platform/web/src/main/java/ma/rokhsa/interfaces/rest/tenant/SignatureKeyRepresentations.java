package ma.rokhsa.interfaces.rest.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import ma.rokhsa.application.SigningRight;
import ma.rokhsa.domain.model.signature.Mandate;
import ma.rokhsa.domain.model.signature.SignatureKey;

/** The JSON shapes of signature keys, the caller's signing right and mandates. */
public final class SignatureKeyRepresentations {

  private SignatureKeyRepresentations() {}

  /**
   * A signature key.
   *
   * @param id its id
   * @param signatoryId who holds it
   * @param label serial or description
   * @param beyondQuota paid by the tenant (an extra-key record)
   * @param status {@code AWAITING_CERTIFICATE}, {@code ACTIVE}, {@code EXPIRED}, {@code REVOKED} or
   *     {@code UNBOUND} (a slot reserved before keys were issued with a credential: it cannot sign)
   * @param provider the signature provider holding its credential
   * @param credentialId the credential, as the provider names it
   * @param certificateSerial its certificate's serial number (hexadecimal)
   * @param notAfter when its certificate expires
   * @param publicKey the credential's public key (PEM), for the issuing process, while it awaits
   *     its certificate
   * @param assignedBy who issued it
   * @param assignedAt when
   * @param revokedAt when revoked, if it was
   * @param revocationReason why
   */
  public record KeyView(
      Long id,
      Long signatoryId,
      String label,
      boolean beyondQuota,
      String status,
      String provider,
      String credentialId,
      String certificateSerial,
      Instant notAfter,
      String publicKey,
      String assignedBy,
      Instant assignedAt,
      Instant revokedAt,
      String revocationReason) {
    static KeyView of(SignatureKey k, Instant now) {
      return new KeyView(
          k.id(),
          k.signatoryId(),
          k.label(),
          k.beyondQuota(),
          status(k, now),
          k.provider().orElse(null),
          k.credentialId().orElse(null),
          k.certificateSerial().orElse(null),
          k.expiresAt().orElse(null),
          k.awaitingCertificate() ? k.publicKeyInfo().map(KeyView::pem).orElse(null) : null,
          k.assignedBy(),
          k.assignedAt(),
          k.revokedAt().orElse(null),
          k.revocationReason().orElse(null));
    }

    private static String status(SignatureKey k, Instant now) {
      if (!k.active()) {
        return "REVOKED";
      }
      if (k.credentialId().isEmpty()) {
        return "UNBOUND";
      }
      if (k.awaitingCertificate()) {
        return "AWAITING_CERTIFICATE";
      }
      return k.expiresAt().orElseThrow().isAfter(now) ? "ACTIVE" : "EXPIRED";
    }

    private static String pem(byte[] der) {
      return "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
          + "\n-----END PUBLIC KEY-----\n";
    }
  }

  /** A key to issue: to whom, its label, and the PIN that will protect it (never stored). */
  public static class NewKey {
    @NotNull public Long signatoryId;

    @NotBlank @Size(max = 200) public String label;

    @NotBlank @Size(min = 4, max = 64) public String pin;
  }

  /** The credential's PIN, to store a renewed certificate with it (never stored). */
  public static class Renewal {
    @NotBlank @Size(min = 4, max = 64) public String pin;
  }

  /** A certificate chain (PEM, the key's certificate first) and the credential's PIN. */
  public static class ChainUpload {
    @NotBlank @Size(max = 100_000) public String certificateChain;

    @NotBlank @Size(min = 4, max = 64) public String pin;
  }

  /** Why a key is revoked, and whether its private key may be known to others. */
  public static class Revocation {
    @NotBlank @Size(max = 500) public String reason;

    public boolean keyCompromised;
  }

  /**
   * What the caller may sign with now.
   *
   * @param signatoryId the signatory they are
   * @param signatoryName their name
   * @param signatoryTitle their title
   * @param keyId the key they sign with
   * @param certificateSerial its certificate
   * @param onBehalfOf the mandate they sign under, if not in their own name
   */
  public record SigningRightView(
      Long signatoryId,
      String signatoryName,
      String signatoryTitle,
      Long keyId,
      String certificateSerial,
      DelegationView onBehalfOf) {
    static SigningRightView of(SigningRight right) {
      return new SigningRightView(
          right.signatoryId(),
          right.signatoryName(),
          right.signatoryTitle(),
          right.key().id(),
          right.key().certificateSerial().orElse(null),
          right
              .delegation()
              .map(
                  d ->
                      new DelegationView(
                          d.delegatorName(),
                          d.delegatorTitle(),
                          d.reference(),
                          d.validFrom(),
                          d.validUntil()))
              .orElse(null));
    }
  }

  /**
   * A delegation, as printed: "par délégation de {@code delegatorName}".
   *
   * @param delegatorName whose power
   * @param delegatorTitle their title
   * @param reference the mandate's reference
   * @param validFrom start
   * @param validUntil end
   */
  public record DelegationView(
      String delegatorName,
      String delegatorTitle,
      String reference,
      Instant validFrom,
      Instant validUntil) {}

  /**
   * A mandate.
   *
   * @param id its id
   * @param reference printed on signed documents
   * @param delegatorId the signatory who delegates
   * @param interimId the interim signatory
   * @param validFrom start (inclusive)
   * @param validUntil planned end (exclusive)
   * @param reason {@code POST_ELECTION_GAP} or {@code ABSENCE}
   * @param note free text
   * @param grantedBy who recorded it
   * @param grantedAt when
   * @param endedAt when ended early, if it was
   * @param endedBy by whom
   * @param endReason why
   * @param inForce whether it is in force now
   */
  public record MandateView(
      Long id,
      String reference,
      Long delegatorId,
      Long interimId,
      Instant validFrom,
      Instant validUntil,
      String reason,
      String note,
      String grantedBy,
      Instant grantedAt,
      Instant endedAt,
      String endedBy,
      String endReason,
      boolean inForce) {
    static MandateView of(Mandate m, Instant now) {
      return new MandateView(
          m.id(),
          m.reference(),
          m.delegatorId(),
          m.interimId(),
          m.validFrom(),
          m.validUntil(),
          m.reason().name(),
          m.note().orElse(null),
          m.grantedBy(),
          m.grantedAt(),
          m.endedAt().orElse(null),
          m.endedBy().orElse(null),
          m.endReason().orElse(null),
          m.inForceAt(now));
    }
  }

  /** A mandate to grant. */
  public static class NewMandate {
    @NotNull public Long delegatorId;

    @NotNull public Long interimId;

    @NotNull public OffsetDateTime validFrom;

    @NotNull public OffsetDateTime validUntil;

    @NotBlank @Size(max = 32) public String reason;

    @Size(max = 500) public String note;
  }

  /** Why a mandate ends early. */
  public static class MandateEnd {
    @Size(max = 500) public String reason;
  }
}
