package ma.rokhsa.domain.model.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import ma.rokhsa.domain.model.calendar.WorkingCalendar;

/**
 * The working days the administration took to decide a dossier, counted as the legal clock counts
 * them: the tenant's working days from the day of the deposit to the day of the decision, less
 * those the dossier spent in the applicant's turn (complements asked, reservations to lift, a fee
 * to pay) — there the administration's clock is stopped, and it resumes with the days it had left
 * ({@code Instruction.move}). A day counts as the clock counts: the working days in (from, to].
 */
public final class AdministrationTime {

  private AdministrationTime() {}

  /**
   * A stay in the applicant's turn, from the day it was entered to the day it was left.
   *
   * @param from the day the dossier went to the applicant
   * @param to the day it came back (or was decided)
   */
  public record Stay(LocalDate from, LocalDate to) {
    public Stay {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a stay ends after it starts: " + from + " > " + to);
      }
    }
  }

  /**
   * The administration's working days from {@code deposited} to {@code decided}, less the
   * applicant's stays (clipped to the period, overlaps counted once); zero or more.
   */
  public static int workingDays(
      LocalDate deposited, LocalDate decided, List<Stay> applicantStays, WorkingCalendar calendar) {
    if (!decided.isAfter(deposited)) {
      return 0;
    }
    int total = calendar.workingDaysBetween(deposited, decided);
    List<Stay> stays = new ArrayList<>();
    for (Stay s : applicantStays) {
      LocalDate from = s.from().isBefore(deposited) ? deposited : s.from();
      LocalDate to = s.to().isAfter(decided) ? decided : s.to();
      if (to.isAfter(from)) {
        stays.add(new Stay(from, to));
      }
    }
    stays.sort(Comparator.comparing(Stay::from));
    LocalDate start = null;
    LocalDate end = null;
    int waited = 0;
    for (Stay s : stays) {
      if (end != null && !s.from().isAfter(end)) {
        if (s.to().isAfter(end)) {
          end = s.to();
        }
        continue;
      }
      if (end != null) {
        waited += calendar.workingDaysBetween(start, end);
      }
      start = s.from();
      end = s.to();
    }
    if (end != null) {
      waited += calendar.workingDaysBetween(start, end);
    }
    return Math.max(0, total - waited);
  }
}
