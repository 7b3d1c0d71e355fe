package ma.rokhsa.domain.model.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class NotificationTest {

  @Test
  void keepsArabicTextAsGivenAndStripsTheEdges() {
    Notification notification =
        new Notification(" email ", " amina@example.ma ", "ar", "وصل إيداع", "تم إيداع ملفكم.");
    assertThat(notification.channel()).isEqualTo("email");
    assertThat(notification.recipient()).isEqualTo("amina@example.ma");
    assertThat(notification.subject()).isEqualTo("وصل إيداع");
    assertThat(notification.body()).isEqualTo("تم إيداع ملفكم.");
  }

  @Test
  void refusesWhatCannotBeSent() {
    assertThatThrownBy(() -> new Notification("email", "a@b.ma", "en", "s", "b"))
        .hasMessageContaining("language must be fr or ar");
    assertThatThrownBy(() -> new Notification("E-Mail", "a@b.ma", "fr", "s", "b"))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> new Notification("email", " ", "fr", "s", "b"))
        .hasMessageContaining("recipient must not be blank");
    assertThatThrownBy(() -> new Notification("email", "a@b.ma", "fr", "one\ntwo", "b"))
        .hasMessageContaining("one line");
    assertThatThrownBy(() -> new Notification("email", "a@b.ma", "fr", "s", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new Notification(
                    "email", "a@b.ma", "fr", "s", "x".repeat(Notification.MAX_BODY + 1)))
        .hasMessageContaining("at most " + Notification.MAX_BODY);
  }

  @Test
  void aQueuedNotificationIsPendingDueAtOnceWithItsOwnMessageId() {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    Notification notification = new Notification("sms", "+212600000000", "fr", "Reçu", "Corps");
    QueuedNotification first = QueuedNotification.queue(TenantId.of("06"), notification, now);
    QueuedNotification second = QueuedNotification.queue(TenantId.of("06"), notification, now);

    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.tenant()).isEqualTo(TenantId.of("06"));
    assertThat(first.messageId()).isNotEqualTo(second.messageId());
  }
}
