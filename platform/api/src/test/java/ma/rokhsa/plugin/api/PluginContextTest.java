package ma.rokhsa.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PluginContextTest {

  @Test
  void todayIsTheLegalDayInMoroccoWhateverTheClocksZone() {
    Clock utc = Clock.fixed(Instant.parse("2026-05-31T23:30:00Z"), ZoneOffset.UTC);
    PluginContext context = PluginContext.of(utc);
    assertThat(context.legalZone()).isEqualTo(ZoneId.of("Africa/Casablanca"));
    assertThat(context.clock()).isSameAs(utc);
    assertThat(context.today()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(
            PluginContext.of(Clock.fixed(Instant.parse("2026-05-31T22:30:00Z"), ZoneOffset.UTC))
                .today())
        .isEqualTo(LocalDate.of(2026, 5, 31));
  }

  @Test
  void aPluginsContextGivesItsDirectoryAndSettingsAndNoOthers() {
    Clock utc = Clock.fixed(Instant.parse("2026-05-31T23:30:00Z"), ZoneOffset.UTC);
    java.nio.file.Path dir = java.nio.file.Path.of("/var/lib/rokhsa/plugin-data/signature-pkcs11");
    PluginContext context =
        PluginContext.of(utc, dir, java.util.Map.of("library", "/usr/lib/libx.so"));
    assertThat(context.dataDirectory()).isEqualTo(dir);
    assertThat(context.setting("library")).contains("/usr/lib/libx.so");
    assertThat(context.setting("slot")).isEmpty();
    assertThat(context.today()).isEqualTo(LocalDate.of(2026, 6, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PluginContext.of(utc).dataDirectory())
        .isInstanceOf(IllegalStateException.class);
    assertThat(PluginContext.of(utc).setting("library")).isEmpty();
  }
}
