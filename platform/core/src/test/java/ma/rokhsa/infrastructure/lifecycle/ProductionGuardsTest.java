package ma.rokhsa.infrastructure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionGuardsTest {

  @Test
  void demoModeServesLoopbackOnly() {
    for (String url :
        List.of(
            "http://localhost:8080/",
            "http://127.0.0.1:9000/",
            "http://[::1]:8080/",
            "http://rokhsa.localhost/")) {
      assertThat(ProductionGuards.demoOnPublicUrl(true, URI.create(url))).as(url).isEmpty();
    }
    for (String url :
        List.of("https://rokhsa.ma/", "http://10.0.0.5:8080/", "http://localhost.evil.ma/")) {
      assertThat(ProductionGuards.demoOnPublicUrl(true, URI.create(url)))
          .as(url)
          .hasValueSatisfying(m -> assertThat(m).contains("rokhsa.demo").contains(url));
    }
    assertThat(ProductionGuards.demoOnPublicUrl(false, URI.create("https://rokhsa.ma/"))).isEmpty();
  }

  @Test
  void demoAccountsWithTheDemoPasswordStopAProductionStart() {
    assertThat(ProductionGuards.demoAccountsLeft(false, List.of("admin", "demandeur")))
        .hasValueSatisfying(m -> assertThat(m).contains("admin").contains("demo password"));
    assertThat(ProductionGuards.demoAccountsLeft(true, List.of("admin"))).isEmpty();
    assertThat(ProductionGuards.demoAccountsLeft(false, List.of())).isEmpty();
  }

  @Test
  void theDevelopmentKeyStopsAProductionStartUnlessATestAcceptsIt() {
    assertThat(ProductionGuards.developmentKeyTrusted(false, true, false))
        .hasValueSatisfying(m -> assertThat(m).contains("DEVELOPMENT"));
    assertThat(ProductionGuards.developmentKeyTrusted(false, true, true)).isEmpty();
    assertThat(ProductionGuards.developmentKeyTrusted(true, true, false)).isEmpty();
    assertThat(ProductionGuards.developmentKeyTrusted(false, false, false)).isEmpty();
  }

  @Test
  void anIgnoredInitialPasswordStopsTheStart() {
    assertThat(ProductionGuards.initialPasswordIgnored(true, false, false))
        .hasValueSatisfying(m -> assertThat(m).contains("rokhsa.admin.initial-password"));
    assertThat(ProductionGuards.initialPasswordIgnored(true, true, false)).isEmpty();
    assertThat(ProductionGuards.initialPasswordIgnored(true, false, true)).isEmpty();
    assertThat(ProductionGuards.initialPasswordIgnored(false, false, false)).isEmpty();
  }

  @Test
  void everyRefusalIsSaidAtOnce() {
    assertThat(ProductionGuards.all(List.of(Optional.of("a"), Optional.empty(), Optional.of("b"))))
        .hasValueSatisfying(
            m -> assertThat(m).contains("refuses to start").contains("- a").contains("- b"));
    assertThat(ProductionGuards.all(List.of(Optional.empty()))).isEmpty();
  }
}
