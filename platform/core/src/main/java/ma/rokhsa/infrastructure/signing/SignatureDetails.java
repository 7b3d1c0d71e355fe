package ma.rokhsa.infrastructure.signing;

import java.util.Objects;

/**
 * What a signature dictionary says besides the signature itself (shown by PDF readers).
 *
 * @param signerName the signatory's name ({@code /Name})
 * @param reason why it is signed ({@code /Reason}): "Visa", "Autorisation délivrée"…
 * @param location where ({@code /Location}): the tenant's town
 */
public record SignatureDetails(String signerName, String reason, String location) {

  public SignatureDetails {
    Objects.requireNonNull(signerName, "signer name");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
  }
}
