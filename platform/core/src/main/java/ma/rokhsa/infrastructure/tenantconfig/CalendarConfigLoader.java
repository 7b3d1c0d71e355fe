package ma.rokhsa.infrastructure.tenantconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import ma.rokhsa.domain.model.calendar.AnnouncedChanges;
import ma.rokhsa.domain.model.calendar.CalendarSettings;
import ma.rokhsa.domain.model.calendar.Holiday;
import ma.rokhsa.domain.model.calendar.HolidayCalendar;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.calendar.MoroccanHolidays;
import ma.rokhsa.infrastructure.calendar.MoroccanHolidays.Observance;
import ma.rokhsa.plugin.definitions.YamlTree;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code tenant-config/calendar/}:
 *
 * <ul>
 *   <li>{@code holidays.yaml} — per year, the official dates announced for holidays (a religious
 *       holiday once the moon is sighted), holidays added and holidays removed;
 *   <li>{@code <tenant id>.yaml} — one tenant's own closures.
 * </ul>
 *
 * <p>Both are optional. Announcements are checked against the computed holidays (a date more than
 * {@link MoroccanHolidays#MAX_SHIFT} days from the computed one is refused as a mistake). Either
 * every file is valid, or {@link #load} throws {@link TenantConfigException} listing every problem
 * with its file and line. The format is described in {@code template.yaml}.
 */
public final class CalendarConfigLoader {

  static final String DIRECTORY = "calendar";
  static final String HOLIDAYS = DIRECTORY + "/holidays.yaml";

  private final Path root;
  private final Set<TenantId> tenants;
  private final MoroccanHolidays rules;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private CalendarConfigLoader(Path root, Set<TenantId> tenants, MoroccanHolidays rules) {
    this.root = root;
    this.tenants = tenants;
    this.rules = rules;
  }

  /**
   * Reads and checks the calendar settings in {@code root}/calendar.
   *
   * @param tenants the tenants of the configuration: a closure file must name one of them
   * @throws TenantConfigException listing every problem, if any
   */
  public static CalendarSettings load(Path root, Set<TenantId> tenants, MoroccanHolidays rules) {
    return new CalendarConfigLoader(root, tenants, rules).load();
  }

  private CalendarSettings load() {
    Map<Integer, AnnouncedChanges> years = new HashMap<>();
    Map<TenantId, List<Holiday>> closures = new HashMap<>();
    for (Path file : files()) {
      String fileName = file.getFileName().toString();
      String name = DIRECTORY + "/" + fileName;
      if (name.equals(HOLIDAYS)) {
        TenantConfigLoader.readYaml(file, name, problems)
            .ifPresent(section -> years.putAll(national(section)));
        continue;
      }
      String code = fileName.replaceFirst("\\.yaml$", "");
      TenantId tenant;
      try {
        tenant = TenantId.of(code);
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem(
                name,
                0,
                "the file name must be holidays.yaml or a tenant id (06.141.01.0.yaml,"
                    + " svc-agence-urbaine-casablanca.yaml)"));
        continue;
      }
      if (!tenants.contains(tenant)) {
        problems.add(new ConfigProblem(name, 0, "no tenant has the id " + code));
        continue;
      }
      TenantConfigLoader.readYaml(file, name, problems)
          .ifPresent(section -> closures.put(tenant, closures(section)));
    }
    if (!problems.isEmpty()) {
      throw new TenantConfigException(problems);
    }
    return new CalendarSettings(years, closures);
  }

  // --- holidays.yaml --------------------------------------------------------------------------

  private Map<Integer, AnnouncedChanges> national(YamlTree.Mapping file) {
    file.allowOnly(Set.of("years"));
    Map<Integer, AnnouncedChanges> years = new LinkedHashMap<>();
    Optional<YamlTree.Mapping> section = file.mapping("years");
    if (section.isEmpty()) {
      return years;
    }
    for (String key : section.get().keys()) {
      Node where = section.get().keyNode(key).orElse(null);
      int year;
      try {
        year = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        file.tree().problem(where, "'" + key + "' is not a year (2026)");
        continue;
      }
      if (year < HolidayCalendar.FIRST_YEAR || year > HolidayCalendar.LAST_YEAR) {
        file.tree()
            .problem(
                where,
                "year "
                    + year
                    + " is outside the calendar ("
                    + HolidayCalendar.FIRST_YEAR
                    + " to "
                    + HolidayCalendar.LAST_YEAR
                    + ")");
        continue;
      }
      section.get().mapping(key).ifPresent(changes -> years.put(year, changes(year, changes)));
    }
    return years;
  }

  private AnnouncedChanges changes(int year, YamlTree.Mapping section) {
    section.allowOnly(Set.of("announced", "added", "removed"));
    Map<String, LocalDate> announced = new LinkedHashMap<>();
    Set<Observance> moved = new HashSet<>();
    section
        .mapping("announced")
        .ifPresent(
            dates -> {
              for (String key : dates.keys()) {
                Node keyNode = dates.keyNode(key).orElse(null);
                if (!MoroccanHolidays.KEYS.contains(key)) {
                  dates
                      .tree()
                      .problem(
                          keyNode,
                          "unknown holiday '"
                              + key
                              + "' (expected one of: "
                              + String.join(", ", MoroccanHolidays.KEYS.stream().sorted().toList())
                              + ")");
                  continue;
                }
                date(dates, key, year)
                    .ifPresent(
                        day -> {
                          Optional<Observance> computed = rules.nearest(key, day);
                          if (computed.isEmpty()) {
                            dates
                                .tree()
                                .problem(
                                    dates.get(key).orElse(null),
                                    key
                                        + " on "
                                        + day
                                        + " is more than "
                                        + MoroccanHolidays.MAX_SHIFT
                                        + " days from its computed date: check the holiday and the"
                                        + " year");
                          } else if (!moved.add(computed.get())) {
                            dates
                                .tree()
                                .problem(
                                    dates.get(key).orElse(null),
                                    key + " is announced twice for the same occurrence");
                          } else {
                            announced.put(key, day);
                          }
                        });
              }
            });

    List<Holiday> added = new ArrayList<>();
    for (YamlTree.Mapping item : section.mappings("added")) {
      holiday(item, year, Holiday.Kind.OVERRIDE).ifPresent(added::add);
    }

    Set<String> removedHolidays = new HashSet<>();
    Set<LocalDate> removedDays = new HashSet<>();
    for (YamlTree.ScalarValue item : section.scalars("removed").orElse(List.of())) {
      String text = item.text();
      if (MoroccanHolidays.KEYS.contains(text)) {
        if (rules.observances(year).stream().noneMatch(o -> o.key().equals(text))) {
          section.tree().problem(item.node(), text + " is not a holiday in " + year);
        } else {
          removedHolidays.add(text);
        }
        continue;
      }
      try {
        LocalDate day = LocalDate.parse(text);
        if (day.getYear() != year) {
          section.tree().problem(item.node(), day + " is not in " + year);
        } else if (!isHoliday(day, announced)) {
          section.tree().problem(item.node(), day + " is not a holiday to remove");
        } else {
          removedDays.add(day);
        }
      } catch (DateTimeParseException e) {
        section
            .tree()
            .problem(
                item.node(),
                "'"
                    + text
                    + "' is neither a holiday (eid-al-fitr, mawlid…) nor a date (YYYY-MM-DD)");
      }
    }
    return new AnnouncedChanges(announced, added, removedHolidays, removedDays);
  }

  /** Whether a computed or announced holiday falls on {@code day}. */
  private boolean isHoliday(LocalDate day, Map<String, LocalDate> announced) {
    for (int y = day.getYear() - 1; y <= day.getYear() + 1; y++) {
      for (Observance observance : rules.observances(y)) {
        if (observance.days().stream().anyMatch(h -> h.date().equals(day))) {
          return true;
        }
      }
    }
    for (Map.Entry<String, LocalDate> entry : announced.entrySet()) {
      Optional<Observance> computed = rules.nearest(entry.getKey(), entry.getValue());
      if (computed.isPresent()) {
        long shift = entry.getValue().toEpochDay() - computed.get().firstDay().toEpochDay();
        if (computed.get().days().stream().anyMatch(h -> h.date().plusDays(shift).equals(day))) {
          return true;
        }
      }
    }
    return false;
  }

  // --- <tenant>.yaml --------------------------------------------------------------------------

  private List<Holiday> closures(YamlTree.Mapping file) {
    file.allowOnly(Set.of("closures"));
    List<Holiday> closures = new ArrayList<>();
    for (YamlTree.Mapping item : file.mappings("closures")) {
      holiday(item, null, Holiday.Kind.TENANT_CLOSURE).ifPresent(closures::add);
    }
    return closures;
  }

  // --- values ---------------------------------------------------------------------------------

  /** A holiday written as {@code date}, {@code name-fr}, {@code name-ar}. */
  private Optional<Holiday> holiday(YamlTree.Mapping item, Integer year, Holiday.Kind kind) {
    item.allowOnly(Set.of("date", "name-fr", "name-ar"));
    Optional<LocalDate> date = item.requireString("date").flatMap(text -> date(item, "date", year));
    Optional<String> nameFr =
        item.requireString("name-fr").filter(n -> nonBlank(item, "name-fr", n));
    Optional<String> nameAr =
        item.requireString("name-ar").filter(n -> nonBlank(item, "name-ar", n));
    if (date.isEmpty() || nameFr.isEmpty() || nameAr.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Holiday(date.get(), nameFr.get(), nameAr.get(), kind));
  }

  private static boolean nonBlank(YamlTree.Mapping item, String key, String value) {
    if (value.isBlank()) {
      item.tree().problem(item.get(key).orElse(null), "'" + key + "' must not be empty");
      return false;
    }
    return true;
  }

  /** The date under {@code key}, which must fall in {@code year} when one is given. */
  private static Optional<LocalDate> date(YamlTree.Mapping section, String key, Integer year) {
    Node node = section.get(key).orElse(null);
    return section
        .string(key)
        .flatMap(
            text -> {
              try {
                LocalDate day = LocalDate.parse(text);
                if (year != null && day.getYear() != year) {
                  section.tree().problem(node, "'" + key + "': " + day + " is not in " + year);
                  return Optional.empty();
                }
                if (day.getYear() < HolidayCalendar.FIRST_YEAR
                    || day.getYear() > HolidayCalendar.LAST_YEAR) {
                  section
                      .tree()
                      .problem(
                          node,
                          "'"
                              + key
                              + "': "
                              + day
                              + " is outside the calendar ("
                              + HolidayCalendar.FIRST_YEAR
                              + " to "
                              + HolidayCalendar.LAST_YEAR
                              + ")");
                  return Optional.empty();
                }
                return Optional.of(day);
              } catch (DateTimeParseException e) {
                section
                    .tree()
                    .problem(node, "'" + key + "' must be a date (YYYY-MM-DD), not '" + text + "'");
                return Optional.empty();
              }
            });
  }

  // --- files ----------------------------------------------------------------------------------

  private List<Path> files() {
    Path dir = root.resolve(DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      List<Path> yaml = new ArrayList<>();
      for (Path file : all) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(".yaml")) {
          yaml.add(file);
        } else if (!fileName.startsWith(".") && !fileName.equals("README.md")) {
          problems.add(new ConfigProblem(DIRECTORY + "/" + fileName, 0, "not a .yaml file"));
        }
      }
      return yaml;
    } catch (IOException e) {
      problems.add(new ConfigProblem(DIRECTORY, 0, "cannot be listed: " + e.getMessage()));
      return List.of();
    }
  }
}
