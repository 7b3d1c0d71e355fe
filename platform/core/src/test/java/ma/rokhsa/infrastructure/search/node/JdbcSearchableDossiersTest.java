package ma.rokhsa.infrastructure.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JdbcSearchableDossiersTest {

  @Test
  void formValuesAreSortedByTheProceduresFieldConventions() {
    JdbcSearchableDossiers.Form form = JdbcSearchableDossiers.Form.of(values());
    assertThat(form.applicants).containsExactly("Karim Benali", "محمد بنجلون");
    assertThat(form.architects).containsExactly("Salma Idrissi");
    assertThat(form.cins).containsExactly("JA123456");
    assertThat(form.rcs).containsExactly("RC 4521");
    assertThat(form.ices).containsExactly("001525");
    assertThat(form.titres).containsExactly("T12345/19");
    assertThat(form.addresses).containsExactly("Lotissement Al Wifaq, lot 42");
    assertThat(form.text).containsExactly("proprietaire", "4821", "RDC", "R+1");
  }

  /** A permis de construire's values as JSON-B parses the column (maps, lists, numbers). */
  private static Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("qualite", "proprietaire");
    v.put("nom_demandeur", "Karim Benali");
    v.put("cin", "JA123456");
    v.put("nom_architecte", "Salma Idrissi");
    v.put("numero_ordre", "4821");
    v.put("titre_foncier", "T12345/19");
    v.put("adresse_terrain", "Lotissement Al Wifaq, lot 42");
    v.put("surface_terrain", new BigDecimal("200"));
    v.put("etablissement_recevant_public", false);
    v.put("ice", "001525");
    Map<String, Object> occupant = new LinkedHashMap<>();
    occupant.put("cin", "RC 4521");
    occupant.put("nom_occupant", "محمد بنجلون");
    v.put("occupant", occupant);
    v.put(
        "niveaux",
        List.of(
            Map.of("niveau", "RDC", "surface_niveau", new BigDecimal("120")),
            Map.of("niveau", "R+1")));
    v.put("note", null);
    return v;
  }

  @Test
  void anEmptyFormGivesNoValues() {
    assertThat(JdbcSearchableDossiers.Form.of((String) null).applicants).isEmpty();
    assertThat(JdbcSearchableDossiers.Form.of(" ").text).isEmpty();
  }

  @Test
  void provinceAndRegionComeFromTheTenantsPath() {
    String path = "06/06.181/06.181.01.05";
    assertThat(JdbcSearchableDossiers.territory(path, Pattern.compile("\\d{2}\\.\\d{3}")))
        .isEqualTo("06.181");
    assertThat(JdbcSearchableDossiers.territory(path, Pattern.compile("\\d{2}"))).isEqualTo("06");
    assertThat(JdbcSearchableDossiers.territory("svc-agence-urbaine", Pattern.compile("\\d{2}")))
        .isEqualTo(JdbcSearchableDossiers.NONE);
  }
}
