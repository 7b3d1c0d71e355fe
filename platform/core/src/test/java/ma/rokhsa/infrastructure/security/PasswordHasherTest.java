package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static final String PHC_PATTERN =
      "^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$";

  /** Made by the reference implementation (libargon2) with salt 00 01 .. 0f. */
  private static final String REFERENCE_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
          + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU";

  /** The same with a non-ASCII password, "pässwörd", to pin the UTF-8 encoding. */
  private static final String REFERENCE_HASH_UTF8 =
      "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
          + "$eCrffB233dgiuXE1iutaiZP35cfD78wj+xWofmbux/s";

  /** libargon2 with other parameters (m=64 MiB, t=3, p=4), password "password". */
  private static final String REFERENCE_HASH_OTHER_PARAMETERS =
      "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA"
          + "$gduXp+Z6iReEolmbyHn5V8s1EtJzmEvZfYoY/Fn/AeI";

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aHashVerifiesWithItsPassword() {
    String encoded = hasher.hash("correct horse battery staple".toCharArray());

    assertThat(hasher.verify("correct horse battery staple".toCharArray(), encoded)).isTrue();
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    String encoded = hasher.hash("correct horse battery staple".toCharArray());

    assertThat(hasher.verify("correct horse battery stapler".toCharArray(), encoded)).isFalse();
    assertThat(hasher.verify(new char[0], encoded)).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferByTheirSalt() {
    String first = hasher.hash("secret".toCharArray());
    String second = hasher.hash("secret".toCharArray());

    assertThat(first).isNotEqualTo(second);
    assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
    assertThat(hasher.verify("secret".toCharArray(), first)).isTrue();
    assertThat(hasher.verify("secret".toCharArray(), second)).isTrue();
  }

  @Test
  void theEncodingIsThePhcStringWithTheOwaspParameters() {
    assertThat(hasher.hash("secret".toCharArray())).matches(PHC_PATTERN);
    assertThat(PasswordHasher.dummyHash()).matches(PHC_PATTERN);
  }

  @Test
  void hashesOfTheReferenceImplementationVerify() {
    assertThat(hasher.verify("correct horse battery staple".toCharArray(), REFERENCE_HASH))
        .isTrue();
    assertThat(hasher.verify("correct horse battery stapl".toCharArray(), REFERENCE_HASH))
        .isFalse();
    assertThat(hasher.verify("pässwörd".toCharArray(), REFERENCE_HASH_UTF8)).isTrue();
    assertThat(hasher.verify("passwort".toCharArray(), REFERENCE_HASH_UTF8)).isFalse();
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_HASH_OTHER_PARAMETERS)).isTrue();
  }

  @Test
  void anEmptyPasswordHashesAndVerifies() {
    String encoded = hasher.hash(new char[0]);

    assertThat(hasher.verify(new char[0], encoded)).isTrue();
    assertThat(hasher.verify(" ".toCharArray(), encoded)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "garbage",
        "$argon2id$",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$argon2i$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$v=16$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw==$gYJZtjEAJqjg26xdLmknq8",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$!!!",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAw$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$gYJZtjEAJqjg",
        "$argon2id$v=19$m=19456,t=0,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$v=19$m=999999999,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
        "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU$extra",
        " $argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw"
            + "$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU",
      })
  void aMalformedOrForeignEncodingVerifiesNothingAndThrowsNothing(String encoded) {
    assertThat(hasher.verify("correct horse battery staple".toCharArray(), encoded)).isFalse();
    assertThat(hasher.needsRehash(encoded)).isTrue();
  }

  @Test
  void aHashWithTheCurrentParametersNeedsNoRehash() {
    assertThat(hasher.needsRehash(hasher.hash("secret".toCharArray()))).isFalse();
    assertThat(hasher.needsRehash(REFERENCE_HASH)).isFalse();
  }

  @Test
  void aHashWithOtherParametersNeedsARehash() {
    assertThat(hasher.needsRehash(REFERENCE_HASH_OTHER_PARAMETERS)).isTrue();
    assertThat(hasher.needsRehash(REFERENCE_HASH.replace("t=2", "t=3"))).isTrue();
    assertThat(hasher.needsRehash(REFERENCE_HASH.replace("m=19456", "m=12288"))).isTrue();
  }

  @Test
  void theDummyHashIsStableAndMatchesNoGuess() {
    assertThat(PasswordHasher.dummyHash()).isSameAs(PasswordHasher.dummyHash());
    assertThat(hasher.needsRehash(PasswordHasher.dummyHash())).isFalse();
    assertThat(hasher.verify(new char[0], PasswordHasher.dummyHash())).isFalse();
    assertThat(hasher.verify("password".toCharArray(), PasswordHasher.dummyHash())).isFalse();
  }

  @Test
  void aPasswordThatIsNotValidUtf16IsRefused() {
    char[] loneSurrogate = {'a', '\uD800'};

    assertThatThrownBy(() -> hasher.hash(loneSurrogate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(hasher.verify(loneSurrogate, REFERENCE_HASH)).isFalse();
  }
}
