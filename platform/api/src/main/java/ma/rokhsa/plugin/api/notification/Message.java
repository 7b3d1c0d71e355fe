package ma.rokhsa.plugin.api.notification;

import java.util.Objects;

/**
 * One message to one person, ready to send: already written in the recipient's language.
 *
 * @param messageId a stable id, the same every time this message is sent (it may be sent again
 *     after a node failure): give it to the receiving system to de-duplicate
 * @param recipient the address in the channel's own form (an e-mail address, a phone number in
 *     E.164 form {@code +2126…})
 * @param language {@code fr} or {@code ar}; Arabic text is right to left
 * @param subject a short subject line (channels without one may prepend it or leave it out)
 * @param body the plain-text body, UTF-8
 */
public record Message(
    String messageId, String recipient, String language, String subject, String body) {

  public Message {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the message is in Arabic (written right to left). */
  public boolean isArabic() {
    return "ar".equals(language);
  }
}
