package ma.rokhsa.infrastructure.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.rokhsa.domain.model.tenant.TenantConfiguration;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantKind;
import ma.rokhsa.domain.model.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigLoaderTest {

  /** The repository's own tenant-config/. */
  static final Path SHIPPED = Path.of("../../tenant-config");

  static final String CSV_HEADER =
      "level,code,parent_code,name_fr,name_ar,population,population_source,region_code,unit_type,code_digits\n";

  @TempDir Path dir;

  @Test
  void shippedConfigurationLoadsEveryTerritorialUnit() {
    TenantConfiguration config = TenantConfigLoader.load(SHIPPED);

    long units = config.tenants().values().stream().filter(t -> !t.id().isService()).count();
    assertThat(units).isEqualTo(1631);
    assertThat(count(config, TenantKind.REGION)).isEqualTo(12);
    assertThat(count(config, TenantKind.PREFECTURE) + count(config, TenantKind.PROVINCE))
        .isEqualTo(75);
    assertThat(count(config, TenantKind.URBAN_COMMUNE) + count(config, TenantKind.RURAL_COMMUNE))
        .isEqualTo(1503);
    assertThat(count(config, TenantKind.ARRONDISSEMENT)).isEqualTo(41);
    assertThat(config.waves()).hasSize(1);
    assertThat(config.waves().get(0).regions())
        .extracting(TenantId::value)
        .containsExactly("06", "04", "01", "07", "05");
  }

  @Test
  void populationsAddUpToTheNationalCensusFigure() {
    TenantConfiguration config = TenantConfigLoader.load(SHIPPED);

    for (TenantKind level : List.of(TenantKind.REGION)) {
      assertThat(
              config.tenants().values().stream()
                  .filter(t -> t.kind() == level)
                  .mapToLong(t -> t.population().orElseThrow())
                  .sum())
          .isEqualTo(36_828_330L);
    }
    long communes =
        config.tenants().values().stream()
            .filter(t -> t.kind().isCommune())
            .mapToLong(t -> t.population().orElseThrow())
            .sum();
    assertThat(communes).isEqualTo(36_828_330L);
  }

  @Test
  void quotasFollowKindAndPopulation() {
    TenantConfiguration config = TenantConfigLoader.load(SHIPPED);

    TenantProfile casablanca = config.tenants().get(TenantId.of("06.141.01.0"));
    assertThat(casablanca.population()).contains(3_215_935L);
    assertThat(casablanca.signatureKeyQuota()).isEqualTo(5);
    assertThat(casablanca.path()).isEqualTo("06/06.141/06.141.01.0");
    assertThat(
            config.tenants().values().stream()
                .filter(t -> t.kind().isCommune())
                .filter(t -> t.population().orElseThrow() < 20_000)
                .allMatch(t -> t.signatureKeyQuota() == 3))
        .isTrue();
    TenantProfile service = config.tenants().get(TenantId.of("svc-agence-urbaine-casablanca"));
    assertThat(service.kind()).isEqualTo(TenantKind.DECENTRALIZED_SERVICE);
    assertThat(service.signatureKeyQuota()).isEqualTo(3);
    assertThat(service.path()).isEqualTo("06/06.141/06.141.01.0/svc-agence-urbaine-casablanca");
  }

  @Test
  void settingsInheritDownwardAndTheQuotaDoesNot() throws IOException {
    minimalConfig();
    write(
        "territories/06.yaml",
        "theme: casa\nprocedures: [permis-de-construire]\nsignature-key-quota: 9\n");
    write("territories/06.141.yaml", "procedures: [permis-d-habiter]\n");

    TenantConfiguration config = TenantConfigLoader.load(dir);

    TenantProfile region = config.tenants().get(TenantId.of("06"));
    TenantProfile prefecture = config.tenants().get(TenantId.of("06.141"));
    TenantProfile commune = config.tenants().get(TenantId.of("06.141.01.0"));
    assertThat(region.theme()).isEqualTo("casa");
    assertThat(region.signatureKeyQuota()).isEqualTo(9);
    assertThat(prefecture.theme()).isEqualTo("casa");
    assertThat(prefecture.procedures()).containsExactly("permis-d-habiter");
    assertThat(commune.procedures()).containsExactly("permis-d-habiter");
    assertThat(commune.theme()).isEqualTo("casa");
    assertThat(commune.signatureKeyQuota()).as("by population, not inherited").isEqualTo(5);
    assertThat(config.tenants().get(TenantId.of("06.141.02.1")).signatureKeyQuota()).isEqualTo(3);
    assertThat(config.tenants().get(TenantId.of("04")).theme()).isEqualTo("rokhsa");
  }

  @Test
  void theSignatureProviderIsPkcs12UnlessSaidAndInheritsDownToServices() throws IOException {
    minimalConfig();
    write("territories/06.141.yaml", "signature:\n  provider: pkcs11\n");
    write("services/agence.yaml", "name-fr: Agence\nname-ar: وكالة\nparent: \"06.141.01.0\"\n");

    TenantConfiguration config = TenantConfigLoader.load(dir);

    assertThat(config.tenants().get(TenantId.of("06")).signatureProvider()).isEqualTo("pkcs12");
    assertThat(config.tenants().get(TenantId.of("04")).signatureProvider()).isEqualTo("pkcs12");
    assertThat(config.tenants().get(TenantId.of("06.141")).signatureProvider()).isEqualTo("pkcs11");
    assertThat(config.tenants().get(TenantId.of("06.141.01.0")).signatureProvider())
        .isEqualTo("pkcs11");
    assertThat(config.tenants().get(TenantId.of("svc-agence")).signatureProvider())
        .isEqualTo("pkcs11");

    write("national.yaml", "defaults:\n  theme: rokhsa\n  signature:\n    provider: barid-esign\n");
    write("territories/06.141.yaml", "theme: casa\n");
    config = TenantConfigLoader.load(dir);
    assertThat(config.tenants().get(TenantId.of("06.141.02.1")).signatureProvider())
        .isEqualTo("barid-esign");
  }

  @Test
  void aSignatureProviderThatIsNoIdIsRefusedWithItsLine() throws IOException {
    minimalConfig();
    write("territories/06.yaml", "theme: casa\nsignature:\n  provider: PKCS 11\n");
    assertThat(refused().getMessage()).contains("territories/06.yaml:3").contains("PKCS 11");
    write("territories/06.yaml", "signature:\n  tsa: x\n");
    assertThat(refused().getMessage()).contains("territories/06.yaml").contains("tsa");
  }

  @Test
  void brokenYamlNamesFileAndLine() throws IOException {
    minimalConfig();
    write("territories/06.yaml", "theme: casa\nprocedures: [a, b\n");

    assertThatThrownBy(() -> TenantConfigLoader.load(dir))
        .isInstanceOf(TenantConfigException.class)
        .satisfies(
            e ->
                assertThat(((TenantConfigException) e).problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).isEqualTo("territories/06.yaml");
                          assertThat(p.line()).isBetween(2, 3);
                          assertThat(p.message()).startsWith("not valid YAML");
                        }));
  }

  @Test
  void unknownSettingIsRefusedWithItsLine() throws IOException {
    minimalConfig();
    write("territories/06.141.yaml", "# comment\ntheme: casa\ncolour: blue\n");

    TenantConfigException e = refused();
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("territories/06.141.yaml");
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("unknown setting 'colour'").contains("theme");
            });
    assertThat(e.getMessage()).contains("territories/06.141.yaml:3:");
  }

  @Test
  void overrideForAnUnknownUnitIsRefused() throws IOException {
    minimalConfig();
    write("territories/99.yaml", "theme: x\n");

    assertThat(refused().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no territorial unit has the code 99"));
  }

  @Test
  void badCsvRowNamesItsLine() throws IOException {
    minimalConfig();
    Files.writeString(
        dir.resolve("reference/territories.csv"),
        CSV_HEADER
            + "region,06,,Casablanca-Settat,الدار البيضاء-سطات,100,RGPH2024,06,region,06\n"
            + "province,06.141,06,Casablanca,الدار البيضاء,lots,RGPH2024,06,prefecture,06141\n",
        StandardCharsets.UTF_8);

    assertThat(refused().problems())
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("reference/territories.csv");
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("population must be a whole number");
            });
  }

  @Test
  void waveWithAnUnknownRegionAndARegionTwiceAreRefused() throws IOException {
    minimalConfig();
    write(
        "rollout.yaml",
        "waves:\n  - name: a\n    regions: [\"06\", \"13\"]\n  - name: b\n    regions: [\"06\"]\n");

    List<ConfigProblem> problems = refused().problems();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("'13' is not the code of a region"));
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message()).contains("region 06 is already in wave a");
            });
  }

  @Test
  void serviceNeedsNamesAndAKnownParent() throws IOException {
    minimalConfig();
    write("services/agence.yaml", "name-fr: Agence\nparent: \"77\"\n");

    List<ConfigProblem> problems = refused().problems();
    assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("'name-ar' is required"));
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("parent '77'");
            });
  }

  @Test
  void missingNationalFileIsRefused() throws IOException {
    minimalConfig();
    Files.delete(dir.resolve("national.yaml"));

    assertThat(refused().problems())
        .anySatisfy(p -> assertThat(p.file()).isEqualTo("national.yaml"));
  }

  @Test
  void digestChangesWithAnyFileAndOnlyThen() throws IOException {
    minimalConfig();
    String first = TenantConfigLoader.load(dir).digest();
    assertThat(TenantConfigLoader.load(dir).digest()).isEqualTo(first);

    write("territories/06.yaml", "theme: other\n");

    assertThat(TenantConfigLoader.load(dir).digest()).isNotEqualTo(first);
  }

  @Test
  void templateDocumentsEverySetting() throws IOException {
    String template = Files.readString(SHIPPED.resolve("template.yaml"));
    List<String> documented = keys(template);

    assertThat(documented).containsAll(TenantConfigLoader.OVERRIDE_SETTINGS);
    assertThat(documented).containsAll(TenantConfigLoader.SERVICE_SETTINGS);
    assertThat(documented)
        .contains(
            "defaults",
            "signature-keys",
            "small-population",
            "small-quota",
            "medium-quota",
            "large-population",
            "large-quota",
            "readiness",
            "population-threshold",
            "provider",
            "waves",
            "regions",
            "name");
  }

  private static List<String> keys(String yamlText) {
    Matcher matcher = Pattern.compile("(?m)^[#\\s-]*([a-z][a-z-]*):").matcher(yamlText);
    List<String> keys = new java.util.ArrayList<>();
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }

  private static long count(TenantConfiguration config, TenantKind kind) {
    return config.tenants().values().stream().filter(t -> t.kind() == kind).count();
  }

  private TenantConfigException refused() {
    try {
      TenantConfigLoader.load(dir);
    } catch (TenantConfigException e) {
      return e;
    }
    throw new AssertionError("the configuration was accepted");
  }

  private void minimalConfig() throws IOException {
    Files.createDirectories(dir.resolve("reference"));
    Files.writeString(
        dir.resolve("reference/territories.csv"),
        CSV_HEADER
            + "region,06,,Casablanca-Settat,الدار البيضاء-سطات,7688967,RGPH2024,06,region,06\n"
            + "region,04,,Rabat-Salé-Kénitra,الرباط-سلا-القنيطرة,5132639,RGPH2024,04,region,04\n"
            + "province,06.141,06,Casablanca,عمالة الدار البيضاء,3215935,RGPH2024,06,prefecture,06141\n"
            + "commune,06.141.01.0,06.141,Casablanca,الدار البيضاء,3215935,RGPH2024,06,commune_urban,061410100\n"
            + "commune,06.141.02.1,06.141,Petite,صغيرة,1000,RGPH2024,06,commune_rural,061410201\n",
        StandardCharsets.UTF_8);
    write("national.yaml", "defaults:\n  theme: rokhsa\n");
    write("rollout.yaml", "waves:\n  - name: \"1\"\n    regions: [\"06\"]\n");
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
