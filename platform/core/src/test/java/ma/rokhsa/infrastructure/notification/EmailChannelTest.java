package ma.rokhsa.infrastructure.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import ma.rokhsa.plugin.api.notification.DeliveryFailure;
import ma.rokhsa.plugin.api.notification.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail channel against a real SMTP server (GreenMail). */
class EmailChannelTest {

  private GreenMail smtp;
  private int port;

  @BeforeEach
  void startSmtp() throws IOException {
    port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void frenchAndArabicArriveIntactWithTheStableMessageId() throws Exception {
    EmailChannel channel = channel(port);
    String arabicBody = "السلام عليكم،\nتم إيداع ملفكم رقم 2026/0412 لدى جماعة الدار البيضاء.";
    String frenchBody =
        "Bonjour,\nvotre dossier n° 2026/0412 a été déposé à la commune. Été, où, ç.";

    channel.send(new Message("m-ar-1", "amina@example.ma", "ar", "وصل إيداع الملف", arabicBody));
    channel.send(new Message("m-fr-1", "karim@example.ma", "fr", "Récépissé de dépôt", frenchBody));

    assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    MimeMessage arabic =
        received[0].getSubject().equals("وصل إيداع الملف") ? received[0] : received[1];
    MimeMessage french = arabic == received[0] ? received[1] : received[0];

    assertThat(arabic.getSubject()).isEqualTo("وصل إيداع الملف");
    assertThat(((String) arabic.getContent()).replace("\r\n", "\n")).isEqualTo(arabicBody);
    assertThat(arabic.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(arabic.getHeader("Content-Language")).containsExactly("ar");
    assertThat(arabic.getMessageID()).isEqualTo("<m-ar-1@rokhsa.test>");
    assertThat(arabic.getAllRecipients()[0].toString()).isEqualTo("amina@example.ma");
    assertThat(french.getSubject()).isEqualTo("Récépissé de dépôt");
    assertThat(((String) french.getContent()).replace("\r\n", "\n")).isEqualTo(frenchBody);
    assertThat(french.getMessageID()).isEqualTo("<m-fr-1@rokhsa.test>");
    assertThat(french.getFrom()[0].toString()).isEqualTo("Rokhsa <no-reply@rokhsa.test>");
  }

  @Test
  void anUnreachableServerIsATransientFailure() throws Exception {
    EmailChannel channel = channel(freePort());

    assertThatThrownBy(() -> channel.send(message("karim@example.ma")))
        .isInstanceOfSatisfying(
            DeliveryFailure.class, failure -> assertThat(failure.isTransient()).isTrue())
        .hasMessageContaining("cannot send through 127.0.0.1:");
  }

  @Test
  void anAddressThatIsNotOneIsAPermanentFailure() {
    EmailChannel channel = channel(port);

    assertThatThrownBy(() -> channel.send(message("not an address")))
        .isInstanceOfSatisfying(
            DeliveryFailure.class, failure -> assertThat(failure.isTransient()).isFalse())
        .hasMessageContaining("not an e-mail address");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutAHostEmailIsNotConfiguredAndWaits() {
    EmailChannel channel =
        new EmailChannel(
            new MailSettings(
                Optional.empty(),
                25,
                "no-reply@rokhsa.test",
                Optional.empty(),
                Optional.empty(),
                false,
                Duration.ofSeconds(5)));

    assertThatThrownBy(() -> channel.send(message("karim@example.ma")))
        .isInstanceOfSatisfying(
            DeliveryFailure.class, failure -> assertThat(failure.isTransient()).isTrue())
        .hasMessageContaining("rokhsa.mail.host");
  }

  private static Message message(String recipient) {
    return new Message("m-1", recipient, "fr", "Objet", "Corps");
  }

  private static EmailChannel channel(int port) {
    return new EmailChannel(
        new MailSettings(
            Optional.of("127.0.0.1"),
            port,
            "Rokhsa <no-reply@rokhsa.test>",
            Optional.empty(),
            Optional.empty(),
            false,
            Duration.ofSeconds(5)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
