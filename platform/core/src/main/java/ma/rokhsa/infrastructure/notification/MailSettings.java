package ma.rokhsa.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The SMTP server the e-mail channel sends through ({@code rokhsa.mail.*}), described in {@code
 * docs/configuration.md}. Without {@code rokhsa.mail.host} e-mail is not configured: e-mail
 * notifications wait (as transient failures) until it is, or until they run out of attempts.
 */
@ApplicationScoped
public class MailSettings {

  private Optional<String> host;
  private int port;
  private InternetAddress from;
  private Optional<String> username;
  private Optional<String> password;
  private boolean starttls;
  private Duration timeout;

  /** For CDI's proxy. */
  protected MailSettings() {}

  @Inject
  MailSettings(Config config) {
    this(
        config.getOptionalValue("rokhsa.mail.host", String.class),
        config.getValue("rokhsa.mail.port", Integer.class),
        config.getValue("rokhsa.mail.from", String.class),
        config.getOptionalValue("rokhsa.mail.username", String.class),
        config.getOptionalValue("rokhsa.mail.password", String.class),
        config.getValue("rokhsa.mail.starttls", Boolean.class),
        Duration.parse(config.getValue("rokhsa.mail.timeout", String.class)));
  }

  MailSettings(
      Optional<String> host,
      int port,
      String from,
      Optional<String> username,
      Optional<String> password,
      boolean starttls,
      Duration timeout) {
    this.host = host.filter(h -> !h.isBlank());
    this.port = port;
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "rokhsa.mail.from is not an e-mail address: '" + from + "' (" + e.getMessage() + ")", e);
    }
    this.username = username.filter(u -> !u.isBlank());
    this.password = password;
    this.starttls = starttls;
    this.timeout = timeout;
  }

  /** The SMTP server's host name, if e-mail is configured. */
  public Optional<String> host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The sender of every e-mail; its domain also names the messages' {@code Message-ID}s. */
  public InternetAddress from() {
    return from;
  }

  public Optional<String> username() {
    return username;
  }

  public Optional<String> password() {
    return password;
  }

  /** Whether to require STARTTLS before authenticating and sending. */
  public boolean starttls() {
    return starttls;
  }

  /** The connect, read and write timeout of each SMTP conversation. */
  public Duration timeout() {
    return timeout;
  }
}
