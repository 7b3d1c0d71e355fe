package ma.rokhsa.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import ma.rokhsa.infrastructure.plugins.PluginHost;
import ma.rokhsa.plugin.api.notification.NotificationChannel;

/**
 * The channels notifications can be sent through: the built-in {@code email}, then those of the
 * started plugins (a plugin cannot replace {@code email}). Plugins are asked at each look-up, so a
 * plugin stopped or upgraded since is never used.
 */
@ApplicationScoped
public class NotificationChannels {

  private EmailChannel email;
  private PluginHost plugins;

  /** For CDI's proxy. */
  protected NotificationChannels() {}

  @Inject
  NotificationChannels(EmailChannel email, PluginHost plugins) {
    this.email = email;
    this.plugins = plugins;
  }

  /** The channel with this id, if any. */
  public Optional<NotificationChannel> find(String id) {
    if (EmailChannel.ID.equals(id)) {
      return Optional.of(email);
    }
    return plugins.notificationChannels().stream().filter(c -> id.equals(c.id())).findFirst();
  }
}
