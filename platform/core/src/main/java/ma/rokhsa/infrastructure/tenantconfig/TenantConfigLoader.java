package ma.rokhsa.infrastructure.tenantconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.rokhsa.domain.model.tenant.RolloutWave;
import ma.rokhsa.domain.model.tenant.SignatureKeyPolicy;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantProfile;
import ma.rokhsa.plugin.definitions.YamlTree;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code tenant-config/}:
 *
 * <ul>
 *   <li>{@code reference/territories.csv} — the territorial division (HCP codes, names,
 *       populations): one tenant per unit;
 *   <li>{@code national.yaml} — national defaults and rules;
 *   <li>{@code territories/<code>.yaml} — overrides for one unit, inherited by the units beneath;
 *   <li>{@code services/<name>.yaml} — decentralized services, tenant {@code svc-<name>};
 *   <li>{@code rollout.yaml} — the rollout waves.
 * </ul>
 *
 * <p>Every setting is described in {@code template.yaml}. Either the whole configuration is valid
 * and {@link #load} returns it resolved, or it throws {@link TenantConfigException} listing every
 * problem with its file and line.
 */
public final class TenantConfigLoader {

  static final String TERRITORIES = "reference/territories.csv";
  static final String NATIONAL = "national.yaml";
  static final String ROLLOUT = "rollout.yaml";
  static final String OVERRIDES = "territories";
  static final String SERVICES = "services";

  /** Settings that a unit's override may set, and that units beneath inherit (but the quota). */
  static final Set<String> OVERRIDE_SETTINGS =
      Set.of("theme", "procedures", "signature-key-quota", "signature");

  static final Set<String> SERVICE_SETTINGS =
      Set.of(
          "name-fr",
          "name-ar",
          "parent",
          "theme",
          "procedures",
          "signature-key-quota",
          "signature");

  private static final Pattern PROCEDURE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern THEME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SERVICE_FILE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.yaml");

  private final Path root;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final MessageDigest digest;

  private TenantConfigLoader(Path root) {
    this.root = root;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Reads, checks and resolves the configuration in {@code root}. */
  public static TenantConfiguration load(Path root) {
    return new TenantConfigLoader(root).load();
  }

  private TenantConfiguration load() {
    if (!Files.isDirectory(root)) {
      throw new TenantConfigException(
          List.of(new ConfigProblem(root.toString(), 0, "the tenant-config directory is missing")));
    }
    Map<TenantId, Unit> units = readTerritories();
    National national = readNational();
    Map<TenantId, Overrides> overrides = readOverrides(units);
    List<Service> services = readServices(units);
    List<RolloutWave> waves = readWaves(units);
    if (!problems.isEmpty()) {
      throw new TenantConfigException(problems);
    }
    Map<TenantId, TenantProfile> tenants = resolve(units, national, overrides, services);
    return new TenantConfiguration(
        tenants,
        waves,
        national.signatureKeys(),
        national.readinessThreshold(),
        HexFormat.of().formatHex(digest.digest()));
  }

  // --- reference data ------------------------------------------------------------------------

  /** One row of the territorial division. */
  private record Unit(
      TenantId id,
      TenantKind kind,
      Optional<TenantId> parent,
      String nameFr,
      String nameAr,
      long population) {}

  private Map<TenantId, Unit> readTerritories() {
    Map<TenantId, Unit> units = new LinkedHashMap<>();
    Path file = root.resolve(TERRITORIES);
    if (!Files.isRegularFile(file)) {
      problems.add(new ConfigProblem(TERRITORIES, 0, "missing: the territorial reference data"));
      return units;
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(reader, format)) {
      for (String column :
          List.of("code", "parent_code", "name_fr", "name_ar", "population", "unit_type")) {
        if (!csv.getHeaderMap().containsKey(column)) {
          problems.add(new ConfigProblem(TERRITORIES, 1, "missing column '" + column + "'"));
        }
      }
      if (!problems.isEmpty()) {
        return units;
      }
      Map<TenantId, Integer> lines = new HashMap<>();
      for (CSVRecord record : csv) {
        int line = (int) record.getRecordNumber() + 1;
        readUnit(record, line)
            .ifPresent(
                unit -> {
                  if (units.putIfAbsent(unit.id(), unit) != null) {
                    problems.add(
                        new ConfigProblem(
                            TERRITORIES,
                            line,
                            "code "
                                + unit.id()
                                + " is given twice (first on line "
                                + lines.get(unit.id())
                                + ")"));
                  } else {
                    lines.put(unit.id(), line);
                  }
                });
      }
      for (Unit unit : units.values()) {
        unit.parent()
            .filter(parent -> !units.containsKey(parent))
            .ifPresent(
                parent ->
                    problems.add(
                        new ConfigProblem(
                            TERRITORIES,
                            lines.get(unit.id()),
                            "parent " + parent + " of " + unit.id() + " is not in the file")));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(new ConfigProblem(TERRITORIES, 0, "cannot be read as CSV: " + e.getMessage()));
    }
    hash(file);
    return units;
  }

  private Optional<Unit> readUnit(CSVRecord record, int line) {
    try {
      TenantId id = TenantId.of(record.get("code"));
      if (id.isService()) {
        throw new IllegalArgumentException("'" + id + "' is not an HCP code");
      }
      TenantKind kind = TenantKind.ofUnitType(record.get("unit_type"));
      String parentCode = record.get("parent_code");
      Optional<TenantId> parent =
          parentCode.isBlank() ? Optional.empty() : Optional.of(TenantId.of(parentCode));
      if (parent.isEmpty() != (kind == TenantKind.REGION)) {
        throw new IllegalArgumentException(
            kind == TenantKind.REGION ? "a region has no parent" : "parent_code is required");
      }
      String nameFr = record.get("name_fr").strip();
      String nameAr = record.get("name_ar").strip();
      if (nameFr.isEmpty() || nameAr.isEmpty()) {
        throw new IllegalArgumentException("name_fr and name_ar are required");
      }
      long population;
      try {
        population = Long.parseLong(record.get("population").strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "population must be a whole number, not '" + record.get("population") + "'");
      }
      if (population < 0) {
        throw new IllegalArgumentException("population cannot be negative");
      }
      return Optional.of(new Unit(id, kind, parent, nameFr, nameAr, population));
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(TERRITORIES, line, e.getMessage()));
      return Optional.empty();
    }
  }

  // --- national.yaml --------------------------------------------------------------------------

  private record National(
      String theme,
      List<String> procedures,
      String signatureProvider,
      SignatureKeyPolicy signatureKeys,
      long readinessThreshold) {}

  private National readNational() {
    SignatureKeyPolicy fallback = SignatureKeyPolicy.DEFAULT;
    Optional<YamlTree.Mapping> file = readYaml(NATIONAL, true);
    if (file.isEmpty()) {
      return new National(
          "rokhsa", List.of(), TenantProfile.DEFAULT_SIGNATURE_PROVIDER, fallback, 50_000);
    }
    YamlTree.Mapping national = file.get();
    national.allowOnly(Set.of("defaults", "signature-keys", "readiness"));
    Optional<YamlTree.Mapping> defaults = national.mapping("defaults");
    defaults.ifPresent(d -> d.allowOnly(Set.of("theme", "procedures", "signature")));
    String theme = defaults.flatMap(d -> theme(d)).orElse("rokhsa");
    List<String> procedures = defaults.flatMap(d -> procedures(d)).orElse(List.of());
    String signatureProvider =
        defaults
            .flatMap(d -> signatureProvider(d))
            .orElse(TenantProfile.DEFAULT_SIGNATURE_PROVIDER);

    SignatureKeyPolicy policy = fallback;
    Optional<YamlTree.Mapping> keys = national.mapping("signature-keys");
    if (keys.isPresent()) {
      YamlTree.Mapping k = keys.get();
      k.allowOnly(
          Set.of(
              "small-population",
              "small-quota",
              "medium-quota",
              "large-population",
              "large-quota"));
      try {
        policy =
            new SignatureKeyPolicy(
                k.number("small-population", 1).orElse(fallback.smallPopulation()),
                k.number("small-quota", 1).orElse((long) fallback.smallQuota()).intValue(),
                k.number("medium-quota", 1).orElse((long) fallback.mediumQuota()).intValue(),
                k.number("large-population", 1).orElse(fallback.largePopulation()),
                k.number("large-quota", 1).orElse((long) fallback.largeQuota()).intValue());
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(NATIONAL, k.line(), "signature-keys: " + e.getMessage()));
      }
    }
    long threshold = 50_000;
    Optional<YamlTree.Mapping> readiness = national.mapping("readiness");
    if (readiness.isPresent()) {
      readiness.get().allowOnly(Set.of("population-threshold"));
      threshold = readiness.get().number("population-threshold", 0).orElse(threshold);
    }
    return new National(theme, procedures, signatureProvider, policy, threshold);
  }

  // --- overrides ------------------------------------------------------------------------------

  /** What one file overrides; empty fields inherit. */
  private record Overrides(
      Optional<String> theme,
      Optional<List<String>> procedures,
      Optional<Integer> signatureKeyQuota,
      Optional<String> signatureProvider) {}

  private Map<TenantId, Overrides> readOverrides(Map<TenantId, Unit> units) {
    Map<TenantId, Overrides> overrides = new HashMap<>();
    for (Path file : yamlFiles(OVERRIDES)) {
      String name = OVERRIDES + "/" + file.getFileName();
      String code = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      TenantId id;
      try {
        id = TenantId.of(code);
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem(
                name,
                0,
                "the file name must be the HCP code of a unit (06.yaml, 06.141.yaml, 06.141.01.0.yaml)"));
        continue;
      }
      if (!units.containsKey(id)) {
        problems.add(new ConfigProblem(name, 0, "no territorial unit has the code " + code));
        continue;
      }
      readYaml(name, true)
          .ifPresent(
              section -> {
                section.allowOnly(OVERRIDE_SETTINGS);
                overrides.put(id, overrides(section));
              });
    }
    return overrides;
  }

  private Overrides overrides(YamlTree.Mapping section) {
    return new Overrides(
        theme(section),
        procedures(section),
        section.number("signature-key-quota", 1).map(Long::intValue),
        signatureProvider(section));
  }

  /** {@code signature: {provider: <id>}}: the signature provider's id, kebab-case. */
  private Optional<String> signatureProvider(YamlTree.Mapping section) {
    Optional<YamlTree.Mapping> signature = section.mapping("signature");
    if (signature.isEmpty()) {
      return Optional.empty();
    }
    signature.get().allowOnly(Set.of("provider"));
    return signature
        .get()
        .string("provider")
        .filter(
            provider -> {
              if (PROCEDURE_ID.matcher(provider).matches()) {
                return true;
              }
              section
                  .tree()
                  .problem(
                      signature.get().get("provider").orElse(null),
                      "signature provider '"
                          + provider
                          + "' must be the kebab-case id of a signature provider (pkcs12, pkcs11)");
              return false;
            });
  }

  private Optional<String> theme(YamlTree.Mapping section) {
    return section
        .string("theme")
        .filter(
            theme -> {
              if (THEME.matcher(theme).matches()) {
                return true;
              }
              section
                  .tree()
                  .problem(
                      section.get("theme").orElse(null),
                      "theme '" + theme + "' must be a lower-case name (letters, digits, dashes)");
              return false;
            });
  }

  private Optional<List<String>> procedures(YamlTree.Mapping section) {
    return section
        .scalars("procedures")
        .map(
            items -> {
              List<String> ids = new ArrayList<>();
              for (YamlTree.ScalarValue item : items) {
                if (PROCEDURE_ID.matcher(item.text()).matches()) {
                  ids.add(item.text());
                } else {
                  section
                      .tree()
                      .problem(
                          item.node(),
                          "procedure id '"
                              + item.text()
                              + "' must be kebab-case (permis-de-construire)");
                }
              }
              return ids;
            });
  }

  // --- services -------------------------------------------------------------------------------

  private record Service(
      TenantId id, TenantId parent, String nameFr, String nameAr, Overrides overrides) {}

  private List<Service> readServices(Map<TenantId, Unit> units) {
    List<Service> services = new ArrayList<>();
    for (Path file : yamlFiles(SERVICES)) {
      String name = SERVICES + "/" + file.getFileName();
      if (!SERVICE_FILE.matcher(file.getFileName().toString()).matches()) {
        problems.add(
            new ConfigProblem(
                name,
                0,
                "the file name must be the service's name in lower case with dashes (agence-urbaine-casablanca.yaml)"));
        continue;
      }
      TenantId id =
          TenantId.of("svc-" + file.getFileName().toString().replaceFirst("\\.yaml$", ""));
      readYaml(name, true)
          .ifPresent(
              section -> {
                section.allowOnly(SERVICE_SETTINGS);
                Optional<String> nameFr = section.requireString("name-fr");
                Optional<String> nameAr = section.requireString("name-ar");
                Optional<TenantId> parent =
                    section
                        .requireString("parent")
                        .flatMap(
                            code -> {
                              try {
                                TenantId parentId = TenantId.of(code);
                                if (units.containsKey(parentId)) {
                                  return Optional.of(parentId);
                                }
                              } catch (IllegalArgumentException e) {
                                // reported below
                              }
                              section
                                  .tree()
                                  .problem(
                                      section.get("parent").orElse(null),
                                      "parent '"
                                          + code
                                          + "' is not the HCP code of a territorial unit");
                              return Optional.empty();
                            });
                Overrides overrides = overrides(section);
                if (nameFr.isPresent() && nameAr.isPresent() && parent.isPresent()) {
                  services.add(
                      new Service(id, parent.get(), nameFr.get(), nameAr.get(), overrides));
                }
              });
    }
    return services;
  }

  // --- rollout.yaml ---------------------------------------------------------------------------

  private List<RolloutWave> readWaves(Map<TenantId, Unit> units) {
    List<RolloutWave> waves = new ArrayList<>();
    Optional<YamlTree.Mapping> file = readYaml(ROLLOUT, false);
    if (file.isEmpty()) {
      return waves;
    }
    file.get().allowOnly(Set.of("waves"));
    Map<TenantId, String> waveOfRegion = new HashMap<>();
    for (YamlTree.Mapping wave : file.get().mappings("waves")) {
      wave.allowOnly(Set.of("name", "regions"));
      Optional<String> name = wave.requireString("name");
      List<TenantId> regions = new ArrayList<>();
      for (YamlTree.ScalarValue item : wave.scalars("regions").orElse(List.of())) {
        Optional<TenantId> region = Optional.empty();
        try {
          region =
              Optional.of(TenantId.of(item.text()))
                  .filter(id -> units.containsKey(id) && units.get(id).kind() == TenantKind.REGION);
        } catch (IllegalArgumentException e) {
          // reported below
        }
        if (region.isEmpty()) {
          wave.tree()
              .problem(item.node(), "'" + item.text() + "' is not the code of a region (01 to 12)");
        } else if (waveOfRegion.containsKey(region.get())) {
          wave.tree()
              .problem(
                  item.node(),
                  "region "
                      + region.get()
                      + " is already in wave "
                      + waveOfRegion.get(region.get()));
        } else {
          waveOfRegion.put(region.get(), name.orElse("?"));
          regions.add(region.get());
        }
      }
      name.ifPresent(
          n -> {
            if (waves.stream().anyMatch(w -> w.name().equals(n))) {
              wave.tree()
                  .problem(wave.get("name").orElse(null), "wave '" + n + "' is declared twice");
            }
            waves.add(new RolloutWave(n, regions));
          });
    }
    return waves;
  }

  // --- resolution -----------------------------------------------------------------------------

  private Map<TenantId, TenantProfile> resolve(
      Map<TenantId, Unit> units,
      National national,
      Map<TenantId, Overrides> overrides,
      List<Service> services) {
    Map<TenantId, TenantProfile> resolved = new LinkedHashMap<>();
    List<Unit> topDown =
        units.values().stream()
            .sorted(Comparator.comparingInt((Unit u) -> depth(u, units)).thenComparing(Unit::id))
            .toList();
    for (Unit unit : topDown) {
      Optional<TenantProfile> parent = unit.parent().map(resolved::get);
      Overrides own =
          overrides.getOrDefault(
              unit.id(),
              new Overrides(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      resolved.put(
          unit.id(),
          new TenantProfile(
              unit.id(),
              unit.kind(),
              unit.parent(),
              parent.map(p -> p.path() + "/").orElse("") + unit.id().value(),
              unit.nameFr(),
              unit.nameAr(),
              Optional.of(unit.population()),
              own.theme().orElse(parent.map(TenantProfile::theme).orElse(national.theme())),
              own.procedures()
                  .orElse(parent.map(TenantProfile::procedures).orElse(national.procedures())),
              own.signatureKeyQuota()
                  .orElse(national.signatureKeys().quotaFor(unit.kind(), unit.population())),
              own.signatureProvider()
                  .orElse(
                      parent
                          .map(TenantProfile::signatureProvider)
                          .orElse(national.signatureProvider()))));
    }
    for (Service service : services) {
      TenantProfile parent = resolved.get(service.parent());
      Overrides own = service.overrides();
      resolved.put(
          service.id(),
          new TenantProfile(
              service.id(),
              TenantKind.DECENTRALIZED_SERVICE,
              Optional.of(service.parent()),
              parent.path() + "/" + service.id().value(),
              service.nameFr(),
              service.nameAr(),
              Optional.empty(),
              own.theme().orElse(parent.theme()),
              own.procedures().orElse(parent.procedures()),
              own.signatureKeyQuota()
                  .orElse(
                      national.signatureKeys().quotaFor(TenantKind.DECENTRALIZED_SERVICE, null)),
              own.signatureProvider().orElse(parent.signatureProvider())));
    }
    return resolved;
  }

  private static int depth(Unit unit, Map<TenantId, Unit> units) {
    int depth = 0;
    for (Optional<TenantId> p = unit.parent(); p.isPresent(); p = units.get(p.get()).parent()) {
      depth++;
    }
    return depth;
  }

  // --- files ----------------------------------------------------------------------------------

  private Optional<YamlTree.Mapping> readYaml(String name, boolean required) {
    Path file = root.resolve(name);
    if (!Files.isRegularFile(file)) {
      if (required) {
        problems.add(new ConfigProblem(name, 0, "missing"));
      }
      return Optional.empty();
    }
    hash(file);
    return readYaml(file, name, problems);
  }

  /**
   * Reads one YAML file of {@code tenant-config/} as a mapping of settings, with the platform's one
   * YAML reader; an empty file is an empty mapping. Every problem is added to {@code problems}.
   */
  static Optional<YamlTree.Mapping> readYaml(Path file, String name, List<ConfigProblem> problems) {
    YamlTree tree =
        new YamlTree(
            name,
            problem -> problems.add(new ConfigProblem(name, problem.line(), problem.message())));
    return tree.parse(file).flatMap(root -> tree.mapping(root, "the file"));
  }

  private List<Path> yamlFiles(String directory) {
    Path dir = root.resolve(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      for (Path other : all) {
        String fileName = other.getFileName().toString();
        if (!fileName.endsWith(".yaml")
            && !fileName.startsWith(".")
            && !fileName.equals("README.md")) {
          problems.add(new ConfigProblem(directory + "/" + fileName, 0, "not a .yaml file"));
        }
      }
      return all.stream().filter(f -> f.getFileName().toString().endsWith(".yaml")).toList();
    } catch (IOException e) {
      problems.add(new ConfigProblem(directory, 0, "cannot be listed: " + e.getMessage()));
      return List.of();
    }
  }

  private void hash(Path file) {
    digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
