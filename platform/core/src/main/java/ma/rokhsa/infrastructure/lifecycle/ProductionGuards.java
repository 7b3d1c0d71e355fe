package ma.rokhsa.infrastructure.lifecycle;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the platform refuses to start with (ADR 0023), each with what to do about it. With demo mode
 * off: demo accounts still enabled with the demo password, the development plugin signing key among
 * the trust anchors (unless explicitly accepted, for tests), or {@code
 * rokhsa.admin.initial-password} set while a national admin with another password exists (the
 * setting is ignored, and whoever reads it is misled). With demo mode on: a public URL that is not
 * a loopback address — the demo's accounts and password are printed at every start.
 *
 * <p>Plain values in, messages out: no resource, nothing to close.
 */
final class ProductionGuards {

  static final String ACCEPT_DEVELOPMENT_KEY = "rokhsa.insecure.accept-development-plugin-key";

  private ProductionGuards() {}

  /** The refusal about demo mode and the public URL, if any. */
  static Optional<String> demoOnPublicUrl(boolean demo, URI publicUrl) {
    if (!demo || isLoopback(publicUrl.getHost())) {
      return Optional.empty();
    }
    return Optional.of(
        "Demo mode (rokhsa.demo=true) is on but rokhsa.public-url is "
            + publicUrl
            + ", not a loopback address: demo accounts share a published password. Turn demo mode"
            + " off (rokhsa.demo=false / ROKHSA_DEMO=false) or serve it on localhost only.");
  }

  /** The refusal about demo accounts left with the demo password, if any (demo mode off). */
  static Optional<String> demoAccountsLeft(boolean demo, List<String> withDemoPassword) {
    if (demo || withDemoPassword.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Demo mode is off but this database holds demo accounts with the demo password: "
            + withDemoPassword
            + ". Start once more in demo mode (on localhost) and disable them or reset their"
            + " passwords (POST /api/admin/accounts/{username}/disable or /password-reset), or"
            + " start production on a new database.");
  }

  /** The refusal about the development plugin key, if any (demo mode off). */
  static Optional<String> developmentKeyTrusted(
      boolean demo, boolean trustsDevelopmentKey, boolean accepted) {
    if (demo || !trustsDevelopmentKey || accepted) {
      return Optional.empty();
    }
    return Optional.of(
        "Demo mode is off but rokhsa.plugins.trust-anchors holds the DEVELOPMENT plugin signing"
            + " certificate (plugins/src/dev-signing/), whose private key is public: anything"
            + " signed with it would run here. Trust your vendors' certificates only (tests may"
            + " set "
            + ACCEPT_DEVELOPMENT_KEY
            + "=true).");
  }

  /**
   * The refusal about {@code rokhsa.admin.initial-password}, if any: set, not used to create the
   * national admin because one exists, and not its password either.
   */
  static Optional<String> initialPasswordIgnored(
      boolean set, boolean created, boolean matchesAnAdmin) {
    if (!set || created || matchesAnAdmin) {
      return Optional.empty();
    }
    return Optional.of(
        "rokhsa.admin.initial-password is set but ignored: a national admin already exists, with"
            + " another password. Remove the setting (ROKHSA_ADMIN_INITIAL_PASSWORD) — it only"
            + " creates the first national admin of a new installation.");
  }

  /** Every refusal, joined, or empty. */
  static Optional<String> all(List<Optional<String>> refusals) {
    List<String> found = new ArrayList<>();
    refusals.forEach(r -> r.ifPresent(found::add));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Rokhsa refuses to start:\n  - " + String.join("\n  - ", found) + "\n");
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(h.contains(":") && h.matches("[0-9a-f:.]+"))) {
      return false; // a name: never resolved here, and never trusted as loopback
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
