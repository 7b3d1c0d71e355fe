package ma.rokhsa.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.plugin.api.notification.DeliveryFailure;
import ma.rokhsa.plugin.api.notification.Message;
import ma.rokhsa.plugin.api.notification.NotificationChannel;

/**
 * The built-in e-mail channel ({@code email}): plain-text UTF-8 messages over SMTP with Jakarta
 * Mail (Angus Mail, bundled with Payara Micro), configured by {@link MailSettings}. Each message
 * carries {@code Message-ID: <message-id@sender-domain>}, the same on every attempt, so that a
 * message sent twice after a node failure can be recognized by the receiving side. One SMTP
 * conversation per message, opened and closed by {@link #send}.
 *
 * <p>A recipient the server refuses (5xx) or an address that cannot be parsed is a permanent
 * failure; anything else (server unreachable, timeouts, 4xx, authentication) is transient.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {

  public static final String ID = "email";

  private MailSettings settings;

  /** For CDI's proxy. */
  protected EmailChannel() {}

  @Inject
  EmailChannel(MailSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void send(Message message) throws DeliveryFailure {
    if (settings.host().isEmpty()) {
      throw DeliveryFailure.transientFailure(
          "e-mail is not configured: set rokhsa.mail.host (see docs/configuration.md)", null);
    }
    InternetAddress recipient;
    try {
      recipient = new InternetAddress(message.recipient(), true);
    } catch (AddressException e) {
      throw DeliveryFailure.permanentFailure(
          "not an e-mail address: " + message.recipient() + " (" + e.getMessage() + ")", e);
    }
    Session session = Session.getInstance(properties());
    try {
      MimeMessage mail = new StableIdMessage(session, messageIdHeader(message.messageId()));
      mail.setFrom(settings.from());
      mail.setRecipient(jakarta.mail.Message.RecipientType.TO, recipient);
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setText(message.body(), StandardCharsets.UTF_8.name());
      mail.setHeader("Content-Language", message.language());
      mail.setSentDate(new Date());
      mail.saveChanges();
      if (settings.username().isPresent()) {
        Transport.send(mail, settings.username().get(), settings.password().orElse(""));
      } else {
        Transport.send(mail);
      }
    } catch (SendFailedException e) {
      Address[] invalid = e.getInvalidAddresses();
      if (invalid != null && invalid.length > 0) {
        throw DeliveryFailure.permanentFailure(
            "the mail server refused " + Arrays.toString(invalid) + ": " + reason(e), e);
      }
      throw DeliveryFailure.transientFailure("the mail server did not accept it: " + reason(e), e);
    } catch (MessagingException e) {
      throw DeliveryFailure.transientFailure(
          "cannot send through " + settings.host().get() + ":" + settings.port() + ": " + reason(e),
          e);
    }
  }

  /** The {@code Message-ID} header of a message: its stable id at the sender's domain. */
  String messageIdHeader(String messageId) {
    String sender = settings.from().getAddress();
    return "<" + messageId + "@" + sender.substring(sender.indexOf('@') + 1) + ">";
  }

  private Properties properties() {
    Properties properties = new Properties();
    String timeout = Long.toString(settings.timeout().toMillis());
    properties.setProperty("mail.transport.protocol", "smtp");
    properties.setProperty("mail.smtp.host", settings.host().orElseThrow());
    properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    properties.setProperty("mail.smtp.connectiontimeout", timeout);
    properties.setProperty("mail.smtp.timeout", timeout);
    properties.setProperty("mail.smtp.writetimeout", timeout);
    properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    properties.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    return properties;
  }

  private static String reason(MessagingException e) {
    Exception next = e.getNextException();
    return next == null || next == e.getCause()
        ? Throwables.rootMessage(e)
        : e.getMessage() + " (" + Throwables.rootMessage(next) + ")";
  }

  /** A message whose {@code Message-ID} is ours, not one Jakarta Mail makes up when saving. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
