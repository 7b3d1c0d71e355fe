package ma.rokhsa.interfaces.web.pages;

import ma.rokhsa.interfaces.web.theme.Messages;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Resolves {@code #{key}} in templates from the page's theme messages (the {@code messages}
 * variable): the theme's own, else its parent's, else the base theme's.
 */
final class ThemeMessageResolver implements IMessageResolver {

  /** The template variable holding the page's {@link Messages}. */
  static final String MESSAGES = "messages";

  @Override
  public String getName() {
    return "rokhsa-theme-messages";
  }

  @Override
  public Integer getOrder() {
    return 1;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    if (context.getVariable(MESSAGES) instanceof Messages messages) {
      return messages.find(key, messageParameters).orElse(null);
    }
    return null;
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
    return "??" + key + "??";
  }
}
