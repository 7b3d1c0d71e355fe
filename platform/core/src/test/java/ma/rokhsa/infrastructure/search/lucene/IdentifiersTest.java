package ma.rokhsa.infrastructure.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void cinIsOneWordInUpperCase() {
    assertThat(Identifiers.cin("BK 123456")).contains("cin:BK123456");
    assertThat(Identifiers.cin("bk123456")).contains("cin:BK123456");
    assertThat(Identifiers.cin("bk-123456")).contains("cin:BK123456");
    assertThat(Identifiers.cin("A 98765")).contains("cin:A98765");
    assertThat(Identifiers.cin("12345/C")).isEmpty();
  }

  @Test
  void titreFoncierWithOrWithoutItsPrefix() {
    assertThat(Identifiers.titreFoncier("12345/C")).contains("tf:12345/C");
    assertThat(Identifiers.titreFoncier("T.F. 12345/C")).contains("tf:12345/C");
    assertThat(Identifiers.titreFoncier("TF n° 12345 / c")).contains("tf:12345/C");
    assertThat(Identifiers.titreFoncier("tf 012345/07")).contains("tf:12345/07");
    assertThat(Identifiers.titreFoncier("BK123456")).isEmpty();
  }

  @Test
  void iceIsFifteenDigitsAndRcItsNumber() {
    assertThat(Identifiers.ice("001 234 567 000 089")).contains("ice:001234567000089");
    assertThat(Identifiers.ice("00123456700008")).isEmpty();
    assertThat(Identifiers.rc("RC 45678")).contains("rc:45678");
    assertThat(Identifiers.rc("R.C. n° 045678")).contains("rc:45678");
    assertThat(Identifiers.rc("45678")).contains("rc:45678");
  }

  @Test
  void aFreeTextQueryYieldsTheIdentifiersItContains() {
    assertThat(Identifiers.inQuery("dossier de bk 123456")).contains("cin:BK123456");
    assertThat(Identifiers.inQuery("T.F. 12345/C Agadir")).contains("tf:12345/C");
    assertThat(Identifiers.inQuery("12345/c")).containsExactly("tf:12345/C");
    assertThat(Identifiers.inQuery("ICE 001234567000089")).contains("ice:001234567000089");
    assertThat(Identifiers.inQuery("RC 45678")).contains("rc:45678");
    assertThat(Identifiers.inQuery("Mohamed Idrissi")).isEmpty();
  }
}
