package ma.rokhsa.infrastructure.plugins;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import ma.rokhsa.application.UntrustedPlugin;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * Whether a plugin zip may run on this platform: its detached CMS signature verifies against the
 * trust anchors as the file {@code rokhsa.plugins.trust-anchors} says at that moment (read afresh
 * on every check, so a vendor removed from it is refused from the next install, pick-up or start),
 * or the platform is configured to accept unsigned plugins (development only).
 *
 * <pre>{@code
 * PluginTrust trust = new PluginTrust(settings);
 * trust.refusal(zip, signature).ifPresent(reason -> refuse(id, reason)); // or:
 * trust.check(zip, signature); // throws UntrustedPlugin
 * }</pre>
 *
 * <p>It holds no resource: nothing to close. The cryptography is {@link PluginSignatures}'.
 */
final class PluginTrust {

  private static final Logger LOG = Logger.getLogger(PluginTrust.class.getName());

  private final RokhsaSettings settings;

  PluginTrust(RokhsaSettings settings) {
    this.settings = settings;
  }

  /** Whether the development signing certificate is among the trust anchors now. */
  boolean trustsDevelopmentKey() {
    return settings.pluginTrustAnchors().isPresent() && anchors().trustsDevelopmentKey();
  }

  /** Says loudly, once at start, that the development signing key is trusted, if it is. */
  void warnIfDevelopmentKeyTrusted() {
    if (anchors().trustsDevelopmentKey()) {
      LOG.warning(
          "\n  ************************************************************************\n"
              + "  * DEVELOPMENT SIGNING KEY TRUSTED — never in production.\n"
              + "  * rokhsa.plugins.trust-anchors ("
              + settings.pluginTrustAnchors().orElseThrow()
              + ")\n"
              + "  * holds the certificate of plugins/src/dev-signing/, whose private key\n"
              + "  * is public: anything signed with it runs inside this platform.\n"
              + "  ************************************************************************");
    }
  }

  /**
   * Why a zip must not run here, if it must not: a signature missing (unless the platform accepts
   * unsigned plugins), tampered, expired or untrusted.
   *
   * @param signature the DER signature; {@code null} or empty when there is none
   */
  Optional<String> refusal(byte[] zip, byte[] signature) {
    if ((signature == null || signature.length == 0) && !settings.pluginSignaturesRequired()) {
      LOG.warning(
          () ->
              "UNSIGNED PLUGIN ACCEPTED: rokhsa.plugins.signatures=optional is for"
                  + " development only; in production every plugin must be signed.");
      return Optional.empty();
    }
    try {
      String signer = anchors().verify(zip, signature, Instant.now());
      LOG.fine(() -> "Plugin zip signed by " + signer);
      return Optional.empty();
    } catch (SecurityException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Refuses a zip whose signature is missing (unless allowed), tampered or untrusted — before
   * anything of the zip is read.
   *
   * @throws UntrustedPlugin with the reason
   */
  void check(byte[] zip, byte[] signature) {
    refusal(zip, signature)
        .ifPresent(
            reason -> {
              throw new UntrustedPlugin("the plugin zip is refused: " + reason);
            });
  }

  /** The trust anchors as the file says now. */
  private PluginSignatures anchors() {
    return PluginSignatures.trusting(settings.pluginTrustAnchors());
  }
}
