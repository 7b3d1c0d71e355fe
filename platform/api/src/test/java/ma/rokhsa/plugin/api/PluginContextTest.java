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
}
