package ma.rokhsa.infrastructure.signing.devca;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a signatory certificate names. The subject is {@code CN=<name>, SERIALNUMBER=IDCMA-<CIN>,
 * OU=<tenant id>, O=<tenant name>, C=MA}: the CIN (Moroccan national identity card number) goes in
 * the X.520 {@code serialNumber} attribute with the ETSI EN 319 412-1 semantics identifier for a
 * national identity card ({@code IDC}, then the country, then the number).
 *
 * @param name the signatory's full name
 * @param cin the national identity card number (letters and digits, e.g. {@code BK123456})
 * @param tenantId the tenant (commune, prefecture…) the signatory signs for
 * @param tenantName the tenant's name
 */
public record Signatory(String name, String cin, String tenantId, String tenantName) {

  private static final Pattern CIN = Pattern.compile("[A-Z]{1,2}[0-9]{1,8}");

  public Signatory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cin, "CIN");
    Objects.requireNonNull(tenantId, "tenant id");
    Objects.requireNonNull(tenantName, "tenant name");
    if (name.isBlank() || tenantId.isBlank() || tenantName.isBlank()) {
      throw new IllegalArgumentException("a signatory needs a name and a tenant");
    }
    if (!CIN.matcher(cin).matches()) {
      throw new IllegalArgumentException("not a CIN (one or two capitals, then digits): " + cin);
    }
  }

  /** The value of the subject's serialNumber attribute. */
  public String serialNumberAttribute() {
    return "IDCMA-" + cin;
  }
}
