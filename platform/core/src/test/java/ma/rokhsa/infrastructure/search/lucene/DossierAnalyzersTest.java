package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** French, Arabic and address analysis: the terms the index holds for a text. */
class DossierAnalyzersTest {

  private final Analyzer text = DossierAnalyzers.text();
  private final Analyzer address = DossierAnalyzers.address();

  @Test
  void frenchElisionAccentsAndLightStemming() {
    assertThat(DossierAnalyzers.terms(text, "l'extension de l'immeuble"))
        .containsExactly("extension", "imeubl");
    assertThat(DossierAnalyzers.terms(text, "Façades rénovées"))
        .isEqualTo(DossierAnalyzers.terms(text, "facade renovee"));
    assertThat(DossierAnalyzers.terms(text, "constructions"))
        .isEqualTo(DossierAnalyzers.terms(text, "construction"));
  }

  @Test
  void arabicNormalizationAndLightStemming() {
    // Alef with hamza, ta marbuta, tatweel and diacritics.
    assertThat(DossierAnalyzers.terms(text, "إضافة"))
        .isEqualTo(DossierAnalyzers.terms(text, "اضافه"));
    assertThat(DossierAnalyzers.terms(text, "البنـــاء"))
        .isEqualTo(DossierAnalyzers.terms(text, "البناء"));
    assertThat(DossierAnalyzers.terms(text, "مَسْكَن"))
        .isEqualTo(DossierAnalyzers.terms(text, "مسكن"));
    assertThat(DossierAnalyzers.terms(text, "مبنى"))
        .isEqualTo(DossierAnalyzers.terms(text, "مبني"));
    // Light stemming: the article and a plural suffix come off.
    assertThat(DossierAnalyzers.terms(text, "المهندسون"))
        .isEqualTo(DossierAnalyzers.terms(text, "مهندس"));
  }

  @Test
  void frenchRulesLeaveArabicWordsAlone() {
    assertThat(DossierAnalyzers.terms(text, "رخصة البناء")).containsExactly("رخص", "بناء");
  }

  @Test
  void addressAbbreviationsAreTheWordsTheyStandFor() {
    assertThat(DossierAnalyzers.terms(address, "12 Bd Zerktouni"))
        .isEqualTo(DossierAnalyzers.terms(address, "12 boulevard Zerktouni"));
    assertThat(DossierAnalyzers.terms(address, "Av. Hassan II"))
        .isEqualTo(DossierAnalyzers.terms(address, "Avenue Hassan II"));
    assertThat(DossierAnalyzers.terms(address, "Rés. Al Amal, Imm 4"))
        .isEqualTo(DossierAnalyzers.terms(address, "Résidence Al Amal, immeuble 4"));
  }
}
