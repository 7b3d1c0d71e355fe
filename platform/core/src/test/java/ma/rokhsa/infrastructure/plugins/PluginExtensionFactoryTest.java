package ma.rokhsa.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import ma.rokhsa.plugin.api.PluginContext;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginRuntimeException;

class PluginExtensionFactoryTest {

  /** 23:30 UTC on 31 May 2026: already 1 June in Casablanca (UTC+1). */
  private final PluginContext context =
      PluginContext.of(Clock.fixed(Instant.parse("2026-05-31T23:30:00Z"), ZoneOffset.UTC));

  private final PluginExtensionFactory factory = new PluginExtensionFactory(context);

  public static class TakesTheContext {
    final PluginContext context;

    public TakesTheContext(PluginContext context) {
      this.context = context;
    }
  }

  public static class NeedsNothing {
    public NeedsNothing() {}
  }

  public static class Throws {
    public Throws(PluginContext context) {
      throw new IllegalStateException("no gateway configured");
    }
  }

  @Test
  void anExtensionThatTakesTheContextGetsThePlatforms() {
    TakesTheContext extension = factory.create(TakesTheContext.class);
    assertThat(extension.context).isSameAs(context);
    assertThat(extension.context.today()).isEqualTo(LocalDate.of(2026, 6, 1));
  }

  @Test
  void anExtensionWithoutSuchAConstructorIsMadeAsBefore() {
    assertThat(factory.create(NeedsNothing.class)).isInstanceOf(NeedsNothing.class);
  }

  @Test
  void aConstructorThatThrowsIsReportedWithItsCause() {
    assertThatThrownBy(() -> factory.create(Throws.class))
        .isInstanceOf(PluginRuntimeException.class)
        .hasRootCauseMessage("no gateway configured");
  }
}
