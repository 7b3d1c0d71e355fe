/**
 * Themes: the look and wording of the pages per tenant, read at run time from the themes directory
 * ({@code theme.properties} with {@code parent=}, {@code messages_<lang>.properties}, templates and
 * assets), each theme overriding its parent's files and messages (ADR 0025).
 */
package ma.rokhsa.interfaces.web.theme;
