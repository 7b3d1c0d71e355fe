package ma.rokhsa.interfaces.rest;

import java.util.Arrays;
import java.util.Locale;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Turns request parameters into domain values, answering 400 with the reason when they are not. */
public final class RequestValues {

  private RequestValues() {}

  /** A tenant id sent as the path parameter {@code id}. */
  public static TenantId tenantId(String value) {
    return tenantId("id", value);
  }

  /** A tenant id sent as the parameter or field {@code name}. */
  public static TenantId tenantId(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(name, "is required (a tenant id)");
    }
    try {
      TenantId id = TenantId.of(value);
      if (id.isNational()) {
        throw new IllegalArgumentException("the national audit chain is not a tenant");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(
          name,
          "'"
              + abbreviated(value)
              + "' is not a tenant id (an HCP code such as 06.141.01.0, or svc-<name>)");
    }
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(
          name, "is required (one of " + Arrays.toString(type.getEnumConstants()) + ")");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(
          name,
          "'"
              + abbreviated(value)
              + "' is not a valid "
              + name
              + " (one of "
              + Arrays.toString(type.getEnumConstants())
              + ")");
    }
  }

  /**
   * A yes-or-no parameter: {@code true} or {@code false} only, {@code absent} when it is not sent.
   * JAX-RS's own boolean conversion takes any other word for false.
   */
  public static boolean flag(String name, String value, boolean absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidParameter(
              name, name + " must be true or false, not '" + abbreviated(value) + "'");
    };
  }

  /** A value as it may be quoted back to the client: at most 64 characters. */
  public static String abbreviated(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }
}
