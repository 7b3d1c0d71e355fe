package ma.rokhsa.domain.model.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the authorities announced for one year, against the computed holidays: official dates of
 * holidays (a religious holiday moves by a day once the moon is sighted), holidays added (an
 * exceptional day off) and holidays removed.
 *
 * @param announced the official first day of a holiday, by holiday key ({@code eid-al-fitr}); its
 *     other days follow it
 * @param added holidays added, each of kind {@link Holiday.Kind#OVERRIDE}
 * @param removedHolidays keys of holidays not observed that year
 * @param removedDays days that are not holidays after all
 */
public record AnnouncedChanges(
    Map<String, LocalDate> announced,
    List<Holiday> added,
    Set<String> removedHolidays,
    Set<LocalDate> removedDays) {

  public static final AnnouncedChanges NONE =
      new AnnouncedChanges(Map.of(), List.of(), Set.of(), Set.of());

  public AnnouncedChanges {
    announced = Map.copyOf(Objects.requireNonNull(announced, "announced"));
    added = List.copyOf(Objects.requireNonNull(added, "added"));
    removedHolidays = Set.copyOf(Objects.requireNonNull(removedHolidays, "removedHolidays"));
    removedDays = Set.copyOf(Objects.requireNonNull(removedDays, "removedDays"));
  }
}
