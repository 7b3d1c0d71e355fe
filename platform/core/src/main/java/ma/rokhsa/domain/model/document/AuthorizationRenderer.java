package ma.rokhsa.domain.model.document;

/** Renders an authorization as the document that is then signed and delivered. */
public interface AuthorizationRenderer {

  /**
   * The authorization as an A4 PDF, French and Arabic, its QR code holding {@link
   * Authorization#qrContent()}: one page, or more when its texts are long. Not signed.
   */
  byte[] render(Authorization authorization);
}
