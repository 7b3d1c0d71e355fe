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

  public static class AProvider implements ma.rokhsa.plugin.api.signature.SignatureProvider {
    final PluginContext context;

    public AProvider(PluginContext context) {
      this.context = context;
    }

    @Override
    public String id() {
      return "a";
    }

    @Override
    public ma.rokhsa.plugin.api.LocalizedText name() {
      return new ma.rokhsa.plugin.api.LocalizedText("A", "أ");
    }

    @Override
    public ma.rokhsa.plugin.api.signature.SigningSession open(String credentialId, char[] pin) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void eachExtensionGetsItsPluginsContextAndASignatureProviderIsMadeOnce(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
    PluginExtensionFactory perPlugin =
        new PluginExtensionFactory(
            extensionClass ->
                new PlatformPluginContext(
                    Clock.systemUTC(),
                    extensionClass == AProvider.class ? "signature-a" : "other",
                    data,
                    (plugin, name) -> java.util.Optional.of(plugin + ":" + name)));
    AProvider provider = perPlugin.create(AProvider.class);
    assertThat(perPlugin.create(AProvider.class)).isSameAs(provider);
    assertThat(provider.context.dataDirectory())
        .isEqualTo(data.resolve("signature-a"))
        .isDirectory();
    assertThat(provider.context.setting("library")).contains("signature-a:library");
    TakesTheContext other = perPlugin.create(TakesTheContext.class);
    assertThat(perPlugin.create(TakesTheContext.class)).isNotSameAs(other);
    assertThat(other.context.dataDirectory()).isEqualTo(data.resolve("other"));
    assertThatThrownBy(
            () -> new PlatformPluginContext(Clock.systemUTC(), "../etc", data, (p, n) -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConstructorThatThrowsIsReportedWithItsCause() {
    assertThatThrownBy(() -> factory.create(Throws.class))
        .isInstanceOf(PluginRuntimeException.class)
        .hasRootCauseMessage("no gateway configured");
  }
}
