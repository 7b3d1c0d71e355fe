package ma.rokhsa.domain.model.notification;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message to one person, written in their language, to send through a channel.
 *
 * @param channel the channel's id: {@code email}, or one a plugin offers ({@code sms})
 * @param recipient the address, in the channel's form (an e-mail address, a phone number)
 * @param language {@code fr} or {@code ar}
 * @param subject a short subject line (at most {@value #MAX_SUBJECT} characters)
 * @param body the plain-text body (at most {@value #MAX_BODY} characters)
 * @throws IllegalArgumentException if a part is missing, blank, too long or not as described
 */
public record Notification(
    String channel, String recipient, String language, String subject, String body) {

  public static final int MAX_CHANNEL = 50;
  public static final int MAX_RECIPIENT = 320;
  public static final int MAX_SUBJECT = 300;
  public static final int MAX_BODY = 20000;

  /** The languages notifications are written in. */
  public static final Set<String> LANGUAGES = Set.of("fr", "ar");

  private static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Notification {
    channel = required(channel, "channel", MAX_CHANNEL);
    if (!CHANNEL_ID.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          "channel must be a kebab-case id such as email or sms, got '" + channel + "'");
    }
    recipient = required(recipient, "recipient", MAX_RECIPIENT);
    language = required(language, "language", 2);
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be fr or ar, got '" + language + "'");
    }
    subject = required(subject, "subject", MAX_SUBJECT);
    if (subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("subject must be one line");
    }
    required(body, "body", MAX_BODY);
  }

  private static String required(String value, String field, int max) {
    Objects.requireNonNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, got " + value.length());
    }
    return stripped;
  }
}
