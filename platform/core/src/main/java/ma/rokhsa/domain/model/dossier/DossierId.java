package ma.rokhsa.domain.model.dossier;

import java.util.Objects;
import java.util.UUID;

/** Identifies a dossier: a random UUID, never guessable from another. */
public record DossierId(String value) {

  public DossierId {
    Objects.requireNonNull(value, "dossier id");
    try {
      value = UUID.fromString(value).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a dossier id: '" + value + "'", e);
    }
  }

  public static DossierId of(String value) {
    return new DossierId(value);
  }

  public static DossierId random() {
    return new DossierId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
