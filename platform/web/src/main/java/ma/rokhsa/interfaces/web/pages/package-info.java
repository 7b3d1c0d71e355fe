/**
 * The server-rendered pages (ADR 0025): servlets that render Thymeleaf templates from the theme
 * chain of the tenant concerned, in French or Arabic, with fingerprinted assets, a signed-in
 * session in an HttpOnly cookie and CSRF tokens on every form. They work without JavaScript.
 */
package ma.rokhsa.interfaces.web.pages;
