package ma.rokhsa.domain.model.dossier;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * A deposited dossier's reference, {@code <tenant>-<year>-<number>} (number on six digits at
 * least): written and read here only. The tenant comes first, so a reference alone says which
 * tenant's dossier it names (public tracking resolves the tenant from it).
 *
 * @param tenant the tenant the dossier was deposited in
 * @param year the year of the deposit, in legal time
 * @param number its rank among the tenant's deposits of that year: 1, 2, 3…
 */
public record DossierReference(TenantId tenant, int year, long number) {

  /** Tenant ids contain dots or dashes of their own: the year and number are read from the end. */
  private static final Pattern FORMAT = Pattern.compile("(.+)-(\\d{4})-(\\d{6,18})");

  public DossierReference {
    Objects.requireNonNull(tenant, "tenant");
    if (year < 1000 || year > 9999 || number < 1) {
      throw new IllegalArgumentException("not a dossier reference: " + year + "/" + number);
    }
  }

  /** The reference as written on the receipt and the dossier. */
  public String value() {
    return String.format("%s-%d-%06d", tenant.value(), year, number);
  }

  /** Reads a reference; empty for anything that is not one. */
  public static Optional<DossierReference> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DossierReference(
              TenantId.of(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value();
  }
}
