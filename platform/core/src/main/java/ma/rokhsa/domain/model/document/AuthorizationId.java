package ma.rokhsa.domain.model.document;

import java.util.Objects;
import java.util.UUID;
import ma.rokhsa.domain.model.tenant.TenantId;

/**
 * The public identifier of a delivered authorization: the tenant's id, a dash, a random UUID
 * ({@code 06.181.01.05-7f3c2a9e-4b1d-4c8e-9a55-0d1e2f3a4b5c}). Printed on the document and in its
 * QR code; public verification reads the tenant from it (the one place its format is read), as
 * public tracking reads it from the dossier's reference, so that no public read crosses tenants.
 */
public record AuthorizationId(TenantId tenant, UUID uuid) {

  private static final int UUID_LENGTH = 36;

  public AuthorizationId {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(uuid, "uuid");
  }

  /** A new, random one. */
  public static AuthorizationId next(TenantId tenant) {
    return new AuthorizationId(tenant, UUID.randomUUID());
  }

  /**
   * Reads one.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static AuthorizationId parse(String text) {
    if (text == null || text.length() < UUID_LENGTH + 3) {
      throw new IllegalArgumentException("not a document id: " + text);
    }
    int dash = text.length() - UUID_LENGTH - 1;
    if (text.charAt(dash) != '-') {
      throw new IllegalArgumentException("not a document id: " + text);
    }
    UUID uuid = UUID.fromString(text.substring(dash + 1));
    if (!uuid.toString().equals(text.substring(dash + 1))) {
      throw new IllegalArgumentException("not a document id: " + text);
    }
    return new AuthorizationId(TenantId.of(text.substring(0, dash)), uuid);
  }

  @Override
  public String toString() {
    return tenant.value() + "-" + uuid;
  }
}
