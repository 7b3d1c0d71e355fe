package ma.rokhsa.interfaces.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * The client's address, the one place it is read: the connection's peer, unless that peer is one of
 * the trusted reverse proxies ({@code rokhsa.http.trusted-proxies}: addresses or CIDR ranges), in
 * which case the {@code Forwarded} header (RFC 7239), or else {@code X-Forwarded-For}, is read from
 * the right, skipping trusted proxies, and the first address that is not one is the client's. From
 * anyone else those headers are ignored: a client cannot choose its own address, so it cannot
 * escape the sign-in throttling or write someone else's address into the audit trail.
 */
@ApplicationScoped
public class ClientAddress {

  private List<Range> trusted;

  /** For CDI's proxy. */
  protected ClientAddress() {}

  @Inject
  ClientAddress(RokhsaSettings settings) {
    this(settings.trustedProxies());
  }

  /** Expert: with this list of trusted proxies. */
  public ClientAddress(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String proxy : trustedProxies) {
      ranges.add(Range.parse(proxy));
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client's address for this request. */
  public String of(HttpServletRequest request) {
    if (request == null) {
      return "";
    }
    return of(
        request.getRemoteAddr(),
        Optional.ofNullable(request.getHeaders("Forwarded"))
            .map(Collections::list)
            .orElse(new ArrayList<>()),
        Optional.ofNullable(request.getHeaders("X-Forwarded-For"))
            .map(Collections::list)
            .orElse(new ArrayList<>()));
  }

  /**
   * The client's address, given the peer and the values of the {@code Forwarded} and {@code
   * X-Forwarded-For} headers (each possibly repeated and comma-separated).
   */
  public String of(String peer, List<String> forwarded, List<String> forwardedFor) {
    if (peer == null || !isTrusted(peer)) {
      return peer == null ? "" : peer;
    }
    List<String> hops = !forwarded.isEmpty() ? forwardedFor(forwarded) : split(forwardedFor);
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (literal(hop).isEmpty()) {
        // "unknown", an obfuscated identifier or garbage: stop at the last address we can trust.
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** Whether the address is one of the trusted proxies. */
  public boolean isTrusted(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
  }

  private static List<String> split(List<String> values) {
    List<String> hops = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        String hop = part.strip();
        if (!hop.isEmpty()) {
          hops.add(hop);
        }
      }
    }
    return hops;
  }

  /** The {@code for=} of each element of {@code Forwarded}, without quotes, brackets or port. */
  private static List<String> forwardedFor(List<String> values) {
    List<String> hops = new ArrayList<>();
    for (String element : split(values)) {
      String found = "unknown";
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
          String value = pair.substring(eq + 1).strip();
          if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
          }
          if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end > 0 ? value.substring(1, end) : value;
          } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
          }
          found = value;
        }
      }
      hops.add(found);
    }
    return hops;
  }

  /** The bytes of an IPv4 or IPv6 literal; empty for anything else (never a DNS lookup). */
  static Optional<byte[]> literal(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String a = address.strip().toLowerCase(Locale.ROOT);
    boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = a.matches("[0-9a-f:.]+") && a.contains(":");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(a).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An address or a CIDR range. */
  private record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      String[] parts = text.strip().split("/", 2);
      byte[] network =
          literal(parts[0])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "rokhsa.http.trusted-proxies: '"
                              + text
                              + "' is not an address or range"));
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : network.length * 8;
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(
            "rokhsa.http.trusted-proxies: '" + text + "' has a bad prefix length");
      }
      return new Range(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
