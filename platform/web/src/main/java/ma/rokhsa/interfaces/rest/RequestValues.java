package ma.rokhsa.interfaces.rest;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.Locale;
import ma.rokhsa.domain.model.tenant.TenantId;

/** Turns request parameters into domain values, answering 400 with the reason when they are not. */
public final class RequestValues {

  private RequestValues() {}

  public static TenantId tenantId(String value) {
    try {
      return TenantId.of(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "'"
              + value
              + "' is not a valid "
              + name
              + " (one of "
              + Arrays.toString(type.getEnumConstants())
              + ")");
    }
  }
}
