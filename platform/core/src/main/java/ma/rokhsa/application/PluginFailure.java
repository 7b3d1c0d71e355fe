package ma.rokhsa.application;

/**
 * A plugin's code failed while a dossier was handled: the change is rolled back, and the caller is
 * told which plugin failed (never its stack trace).
 */
public class PluginFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pluginId;

  public PluginFailure(String pluginId, Throwable cause) {
    super("plugin " + pluginId + " failed: " + cause, cause);
    this.pluginId = pluginId;
  }

  public String pluginId() {
    return pluginId;
  }
}
