package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Maghrebi-name rules, one at a time, and through the whole analysis of both scripts. */
class NameKeysTest {

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "Mohamed, محمد",
    "Mohammed, محمد",
    "Mohamad, محمد",
    "Muhammad, محمد",
    "Mhamed, محمد",
    "M'hamed, Mohamed",
    "El Idrissi, الإدريسي",
    "Idrissi, الإدريسي",
    "Elidrissi, El Idrissi",
    "Benjelloun, بنجلون",
    "Ben Jelloun, بنجلون",
    "Bin Jelloun, Benjelloun",
    "Ibn Jelloun, Ben Jelloun",
    "Aït Baha, Ait Baha",
    "Ait Baha, آيت باها",
    "Aitbaha, Aït Baha",
    "Ahmed, أحمد",
    "Ahmed, احمد",
    "Youssef, يوسف",
    "Youssef, Yousef",
    "Ouafae, وفاء",
    "Khalid, Halid",
    "Khalid, خالد",
    "Chaoui, Shaoui",
    "Cherkaoui, الشرقاوي",
    "Kacem, قاسم",
    "Qassem, Kacem",
    "Fatima, فاطمة",
    "Fatima Zahra, فاطمة الزهراء",
    "Omar, عمر",
    "Ettazi, التازي",
    "Tazi, التازي",
    "Abdelkader, عبد القادر",
    "Abdel Kader, Abdelkader",
    "Abd El Kader, Abdelkader",
    "Abderrahim, عبد الرحيم",
    "Alaoui, العلوي",
    "Yassine, Yacine",
    "Yassine, ياسين",
    "Bouchaib, بوشعيب",
    "Fès, Fes",
    "Rachid, رشيد",
    "Thami, التهامي",
    "Hassan, حسن",
    "Zineb, زينب",
  })
  void spellingsAndScriptsOfOneNameShareAKey(String one, String other) {
    List<String> a = DossierAnalyzers.keysOf(one);
    List<String> b = DossierAnalyzers.keysOf(other);
    assertThat(a).as("%s %s vs %s %s", one, a, other, b).containsAnyElementsOf(b);
  }

  @ParameterizedTest(name = "{0} ≁ {1}")
  @CsvSource({
    "Mohamed, Mehdi",
    "Mohamed, محمود",
    "Ahmed, Hamid",
    "Hamid, أحمد",
    "Mohamed, Mahmoud",
    "Karim, Kamal",
    "Idrissi, Driss",
    "Benjelloun, Benkirane",
  })
  void differentNamesDoNotShareAKey(String one, String other) {
    List<String> a = DossierAnalyzers.keysOf(one);
    List<String> b = DossierAnalyzers.keysOf(other);
    if (one.equals("Mohamed")) {
      // محمد and محمود have one skeleton; the strict key (long vowels kept) tells them apart.
      a = a.stream().filter(k -> k.startsWith(NameKeys.STRICT)).toList();
    }
    assertThat(a).as("%s %s vs %s %s", one, a, other, b).doesNotContainAnyElementsOf(b);
  }

  @Test
  void keysAreConsonantSkeletonsWithALeadingVowelKept() {
    assertThat(NameKeys.key("mohammed")).isEqualTo("mhmd");
    assertThat(NameKeys.key("ahmed")).isEqualTo("ahmd");
    assertThat(NameKeys.key("hamid")).isEqualTo("hmd");
    assertThat(NameKeys.key("ʿmr")).isEqualTo("amr");
    assertThat(NameKeys.key("khalid")).isEqualTo("hld");
    assertThat(NameKeys.key("chafik")).isEqualTo(NameKeys.key("shafiq"));
    assertThat(NameKeys.key("fatimah")).isEqualTo(NameKeys.key("fatima"));
    assertThat(NameKeys.key("a")).isEmpty();
    assertThat(NameKeys.strictKey("mahmoud")).isEqualTo("~mhmwd");
    assertThat(NameKeys.strictKey("idrissi")).isEqualTo("~adrysy");
  }

  @Test
  void particlesAreCanonicalAndGluedPrefixesComeOff() {
    assertThat(NameKeys.particle("El")).contains("al");
    assertThat(NameKeys.particle("bin")).contains("ben");
    assertThat(NameKeys.particle("ibn")).contains("ben");
    assertThat(NameKeys.particle("ayt")).contains("ait");
    assertThat(NameKeys.particle("abdel")).contains("abd");
    assertThat(NameKeys.particle("idrissi")).isEmpty();
    assertThat(NameKeys.withoutPrefix("elidrissi")).contains("idrissi");
    assertThat(NameKeys.withoutPrefix("ettazi")).contains("tazi");
    assertThat(NameKeys.withoutPrefix("benjelloun")).contains("jelloun");
    assertThat(NameKeys.withoutPrefix("aitbaha")).contains("baha");
    assertThat(NameKeys.withoutPrefix("alami")).isEmpty();
    assertThat(NameKeys.glue("abd", "elkader")).isEqualTo("abdkader");
    assertThat(NameKeys.glue("abd", "errahim")).isEqualTo("abdrahim");
  }

  @Test
  void aNameKeepsOnePositionPerNameWithItsKeysStacked() {
    assertThat(DossierAnalyzers.keysOf("Mohamed Ben Jelloun"))
        .containsExactly("mhmd", "~mhmd", "bnjln", "~bnjlwn", "jln", "~jlwn");
  }
}
