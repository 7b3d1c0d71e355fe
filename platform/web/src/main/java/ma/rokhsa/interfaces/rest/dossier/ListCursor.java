package ma.rokhsa.interfaces.rest.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import ma.rokhsa.domain.model.dossier.DossierId;
import ma.rokhsa.domain.model.dossier.DossierRepository.ListPosition;
import ma.rokhsa.interfaces.rest.ParameterRefused;

/**
 * The opaque cursor of a dossier list's next page (the dossier list, a signatory's pending list):
 * where the last page ended (the last dossier's change time and id), base64url. Not a secret and
 * not trusted: it only says where to start, the tenant and the caller's access apply to every page.
 */
public final class ListCursor {

  private static final String VERSION = "l1";

  private ListCursor() {}

  public static String encode(ListPosition position) {
    String raw = VERSION + '\n' + position.updatedAt() + '\n' + position.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws ParameterRefused (400, naming {@code cursor}) for anything this list did not give
   */
  public static ListPosition decode(String cursor) {
    try {
      if (cursor.length() > 200) {
        throw new IllegalArgumentException("too long");
      }
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("not a list cursor");
      }
      return new ListPosition(Instant.parse(parts[1]), DossierId.of(parts[2]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ParameterRefused("cursor", "is not a cursor this list gave");
    }
  }
}
