package ma.rokhsa.interfaces.web.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemesTest {

  @TempDir Path dir;

  private Themes themes(Duration reload, Clock clock) {
    return new Themes(dir, "base", reload, clock);
  }

  private void theme(String name, String properties) throws IOException {
    Files.createDirectories(dir.resolve(name));
    Files.writeString(dir.resolve(name).resolve("theme.properties"), properties);
  }

  private void file(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void aThemeInheritsMessagesAndFilesAndOverridesItsParents() throws IOException {
    theme("base", "digits.ar=latn\n");
    file("base/messages_fr.properties", "banner=Royaume\ntitle=Accueil\n");
    file("base/messages_ar.properties", "banner=المملكة\ntitle=الرئيسية\n");
    file("base/templates/banner.html", "base banner");
    file("base/templates/home.html", "base home");
    theme("region", "parent=base\n");
    file("region/messages_fr.properties", "banner=Région\n");
    file("region/templates/banner.html", "region banner");
    theme("commune", "parent=region\ndigits.ar=arab\n");
    file("commune/messages_ar.properties", "title=جماعتي\n");

    ThemeChain chain = themes(Duration.ofSeconds(10), Clock.systemUTC()).chain("commune");

    assertThat(chain.names()).containsExactly("commune", "region", "base");
    assertThat(chain.messages(Language.FR).text("banner")).isEqualTo("Région");
    assertThat(chain.messages(Language.FR).text("title")).isEqualTo("Accueil");
    assertThat(chain.messages(Language.AR).text("banner")).isEqualTo("المملكة");
    assertThat(chain.messages(Language.AR).text("title")).isEqualTo("جماعتي");
    assertThat(chain.file("templates/banner.html")).get().asString().contains("region");
    assertThat(chain.file("templates/home.html")).get().asString().contains("base");
    assertThat(chain.file("templates/none.html")).isEmpty();
    file("secret.txt", "outside every theme");
    assertThat(chain.file("../secret.txt"))
        .as("a path leaving the theme directories is never found")
        .isEmpty();
    assertThat(chain.property("digits.ar")).contains("arab");
    assertThat(chain.messages(Language.AR).locale().getUnicodeLocaleType("nu")).isEqualTo("arab");
  }

  @Test
  void messagesAreFormattedInTheLanguageOfThePageAndAMissingKeyShows() throws IOException {
    theme("base", "");
    file("base/messages_fr.properties", "fee={0} dirhams\n");
    file("base/messages_ar.properties", "fee={0} درهم\n");
    theme("arabic-digits", "parent=base\ndigits.ar=arab\n");
    Themes themes = themes(Duration.ofSeconds(10), Clock.systemUTC());

    assertThat(themes.chain("base").messages(Language.FR).text("fee", 1250))
        .isEqualTo("1.250 dirhams");
    assertThat(themes.chain("base").messages(Language.AR).text("fee", 1250))
        .isEqualTo("1.250 درهم");
    assertThat(themes.chain("arabic-digits").messages(Language.AR).text("fee", 1250))
        .isEqualTo("١٬٢٥٠ درهم");
    assertThat(themes.chain("base").messages(Language.FR).text("nothing")).isEqualTo("??nothing??");
  }

  @Test
  void anUnknownThemeFallsBackToTheDefaultOne() throws IOException {
    theme("base", "");
    Themes themes = themes(Duration.ofSeconds(10), Clock.systemUTC());

    assertThat(themes.chain("rokhsa").names()).containsExactly("base");
    assertThat(themes.chain("../etc").names()).containsExactly("base");
    assertThat(themes.defaultChain().name()).isEqualTo("base");
  }

  @Test
  void aLoopOrAMissingParentIsRefusedWithItsNames() throws IOException {
    theme("base", "");
    theme("a", "parent=b\n");
    theme("b", "parent=a\n");
    theme("orphan", "parent=gone\n");
    Themes themes = themes(Duration.ofSeconds(10), Clock.systemUTC());

    assertThatThrownBy(() -> themes.chain("a"))
        .hasMessageContaining("loop")
        .hasMessageContaining("a → b");
    assertThatThrownBy(() -> themes.chain("orphan"))
        .hasMessageContaining("orphan inherits from gone");
  }

  @Test
  void aThemeChangedOnDiskIsSeenAfterTheReloadInterval() throws IOException {
    theme("base", "");
    file("base/messages_fr.properties", "title=Avant\n");
    MutableClock clock = new MutableClock();
    Themes themes = themes(Duration.ofSeconds(10), clock);
    assertThat(themes.chain("base").messages(Language.FR).text("title")).isEqualTo("Avant");

    file("base/messages_fr.properties", "title=Après\n");
    clock.now = clock.now.plusSeconds(5);
    assertThat(themes.chain("base").messages(Language.FR).text("title")).isEqualTo("Avant");
    clock.now = clock.now.plusSeconds(6);
    assertThat(themes.chain("base").messages(Language.FR).text("title")).isEqualTo("Après");
  }

  @Test
  void theShippedThemesHaveEveryTextInBothLanguages() throws IOException {
    Path shipped = Path.of("../../themes").toAbsolutePath().normalize();
    for (String theme : new String[] {"base", "casablanca-settat"}) {
      TreeSet<String> fr = keys(shipped.resolve(theme).resolve("messages_fr.properties"));
      TreeSet<String> ar = keys(shipped.resolve(theme).resolve("messages_ar.properties"));
      assertThat(ar).as(theme + ": Arabic keys").isEqualTo(fr);
    }
    ThemeChain region =
        new Themes(shipped, "base", Duration.ofSeconds(10), Clock.systemUTC())
            .chain("casablanca-settat");
    assertThat(region.names()).containsExactly("casablanca-settat", "base");
    assertThat(region.messages(Language.FR).text("banner.text")).contains("Casablanca-Settat");
    assertThat(region.messages(Language.FR).text("home.title"))
        .isEqualTo("Vos autorisations en ligne");
  }

  private static TreeSet<String> keys(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
