package ma.rokhsa.interfaces.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.0/8", "::1"));
  private final ClientAddress direct = new ClientAddress(List.of());

  @Test
  void headersFromAnUntrustedPeerAreIgnored() {
    assertThat(direct.of("203.0.113.7", List.of("for=198.51.100.1"), List.of("198.51.100.1")))
        .isEqualTo("203.0.113.7");
    assertThat(behindProxy.of("203.0.113.7", List.of(), List.of("10.1.1.1")))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void behindATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
    // The client forged a first value; the proxy appended the real one.
    assertThat(behindProxy.of("10.0.0.2", List.of(), List.of("1.2.3.4, 198.51.100.9")))
        .isEqualTo("198.51.100.9");
    assertThat(behindProxy.of("10.0.0.2", List.of(), List.of("198.51.100.9", "10.0.0.3")))
        .isEqualTo("198.51.100.9");
    assertThat(behindProxy.of("::1", List.of(), List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
  }

  @Test
  void forwardedWinsOverXForwardedFor() {
    assertThat(
            behindProxy.of(
                "10.0.0.2",
                List.of("for=\"[2001:db8::5]:4711\";proto=https, for=192.0.2.60:1234;by=10.0.0.2"),
                List.of("6.6.6.6")))
        .isEqualTo("192.0.2.60");
  }

  @Test
  void garbageStopsTheWalk() {
    assertThat(behindProxy.of("10.0.0.2", List.of(), List.of("evil.example, 10.0.0.3")))
        .isEqualTo("10.0.0.3");
    assertThat(behindProxy.of("10.0.0.2", List.of("for=unknown"), List.of())).isEqualTo("10.0.0.2");
    assertThat(behindProxy.of("10.0.0.2", List.of(), List.of())).isEqualTo("10.0.0.2");
  }

  @Test
  void aBadProxyListIsRefused() {
    assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
