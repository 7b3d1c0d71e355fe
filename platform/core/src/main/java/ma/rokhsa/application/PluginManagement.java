package ma.rokhsa.application;

/**
 * Installing, upgrading, enabling, disabling and removing plugins while the platform runs. Every
 * change is kept in the database so that every node applies it; a change that fails leaves the
 * plugins as they were.
 */
public interface PluginManagement {

  /**
   * Installs a new plugin from its zip and starts it. The zip must carry a detached CMS signature
   * by a trusted vendor ({@code signature}, DER), unless the platform is configured to accept
   * unsigned plugins (development only).
   *
   * @throws UntrustedPlugin if the signature is missing, tampered or untrusted
   * @return its status after the install (it may have failed to start: the status says why)
   * @throws ma.rokhsa.domain.RuleViolation if a plugin with this id is already installed, or the
   *     zip is not a plugin
   */
  ProcedureCatalog.PluginStatus install(byte[] zip, byte[] signature, String actor);

  /**
   * Replaces an installed plugin with a newer version of it. If the new version fails to start, the
   * old one is put back and the failure is reported.
   *
   * <p>The new version must be signed by the signer of the version it replaces (the same
   * certificate subject), unless {@code acceptSignerChange}: an operator's word that the vendor's
   * identity changed on purpose. The change is then written in the audit chain.
   *
   * @throws ma.rokhsa.domain.RuleViolation if the zip is another plugin, not newer, not a plugin,
   *     or signed by another signer without {@code acceptSignerChange}
   */
  ProcedureCatalog.PluginStatus upgrade(
      String pluginId, byte[] zip, byte[] signature, boolean acceptSignerChange, String actor);

  ProcedureCatalog.PluginStatus enable(String pluginId, String actor);

  ProcedureCatalog.PluginStatus disable(String pluginId, String actor);

  /**
   * Removes a plugin installed through this API (shipped plugins can only be disabled).
   *
   * @throws ma.rokhsa.domain.RuleViolation for a shipped plugin
   */
  void remove(String pluginId, String actor);
}
