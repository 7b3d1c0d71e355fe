package ma.rokhsa.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import ma.rokhsa.domain.model.notification.Notification;
import ma.rokhsa.domain.model.notification.Outbox;
import ma.rokhsa.domain.model.tenant.Tenant;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.domain.model.tenant.TenantRepository;

/**
 * Queues a test notification, so that an operator can check a channel end to end (the outbox, the
 * dispatcher, the channel, the recipient's inbox). Its text is in the recipient's language, from
 * the {@code Notifications} messages.
 */
@ApplicationScoped
@Transactional
public class TestNotificationService {

  static final String MESSAGES = "ma.rokhsa.application.Notifications";

  private Outbox outbox;
  private TenantRepository tenants;

  /** For CDI's proxy. */
  protected TestNotificationService() {}

  @Inject
  TestNotificationService(Outbox outbox, TenantRepository tenants) {
    this.outbox = outbox;
    this.tenants = tenants;
  }

  /**
   * Queues a test notification on behalf of {@code tenant}.
   *
   * @throws NotFound if there is no such tenant
   * @throws InvalidInput if the channel, recipient or language cannot be used
   */
  public Notification queueTest(
      TenantId tenant, String channel, String recipient, String language, String actor) {
    Tenant sender = tenants.find(tenant).orElseThrow(() -> new NotFound("no tenant " + tenant));
    if (language == null || !Notification.LANGUAGES.contains(language)) {
      throw new InvalidInput("language must be fr or ar, got " + language);
    }
    ResourceBundle texts =
        ResourceBundle.getBundle(
            MESSAGES,
            Locale.forLanguageTag(language),
            TestNotificationService.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String name = "ar".equals(language) ? sender.nameAr() : sender.nameFr();
    Notification notification;
    try {
      notification =
          new Notification(
              channel,
              recipient,
              language,
              MessageFormat.format(texts.getString("test.subject"), new Object[0]),
              MessageFormat.format(texts.getString("test.body"), name, actor, channel));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInput(e.getMessage());
    }
    outbox.enqueue(tenant, notification);
    return notification;
  }
}
